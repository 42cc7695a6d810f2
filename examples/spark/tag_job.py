#!/usr/bin/env python3
"""Tag article dumps on Apache Spark by piping partitions through the `gazette tag` binary.

Two ways to split the work:

  files (default)  every input file (.html/.htm/.txt/.jsonl/.warc, and their .gz) is sent whole,
                   as bytes, to `gazette tag - --stdin-name RELATIVE/PATH`, so ids, error records
                   and duplicate-id checks are exactly those of a single-machine `gazette tag DIR`.
                   Best for WARC files (one task per WARC) and directories of pages.
  lines            JSONL (or .jsonl.gz) dumps are split into lines across partitions and each
                   partition is piped through one `gazette tag` process (as RDD.pipe does).
                   Records should carry an `id`: a record without one gets `stdin:LINE` (line
                   within its partition), and duplicate ids are only detected inside one partition.

The binary: --bundle gazette-VERSION-linux-x86_64.tar.gz (from Scripts/release.sh) ships the release
bundle, binary and data in one file, to every executor (SparkContext.addArchive, the same as
spark-submit --archives); otherwise --gazette names a binary on the executors' PATH, a path, or a
file shipped with --files (then set GAZETTE_DATA for its data).

Output: a directory of `part-*` text files holding one tag record per input record (any order).
With --graph FILE, each partition also builds a partial entity graph (`gazette graph build
--format json`) and the driver merges them with `gazette graph merge` into FILE.

Run `spark-submit tag_job.py --help` for the options; examples/spark/README.md shows local and
cluster runs.
"""
import argparse
import glob
import os
import shlex
import subprocess
import sys
import tarfile
import tempfile
import threading

KNOWN_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".jsonl", ".ndjson", ".warc")


def is_input_name(name):
    """True for file names `gazette tag` reads in a directory (hidden files are never read)."""
    base = name.rsplit("/", 1)[-1]
    if base.startswith("."):
        return False
    lower = base.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(KNOWN_SUFFIXES)


def has_scheme(path):
    return "://" in path or (":" in path.split("/", 1)[0] and not os.path.isabs(path))


def canonical(path):
    """A comparable form of a local path or URI: `file:/abs/path` for local paths."""
    if not has_scheme(path):
        return "file:" + os.path.abspath(path)
    if path.startswith("file://"):
        return "file:" + path[len("file://"):]
    return path.rstrip("/")


def expand_local(inputs):
    """Local directories expanded to their files in name order (as `gazette tag DIR` walks them)."""
    files = []
    for path in inputs:
        if has_scheme(path) or not os.path.isdir(path):
            files.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                full = os.path.join(root, name)
                if is_input_name(full):
                    files.append(full)
    return files


def relative_name(uri, roots):
    """The path of `uri` relative to the input root it came from (the file name for a file root)."""
    target = canonical(uri)
    for root in roots:
        if target == root:
            return target.rsplit("/", 1)[-1]
        if target.startswith(root.rstrip("/") + "/"):
            return target[len(root.rstrip("/")) + 1:]
    return target.rsplit("/", 1)[-1]


BUNDLE_NAME = "gazette-bundle"
BUNDLE_SPEC = "bundle:" + BUNDLE_NAME


def bundle_binary(folder):
    """bin/gazette inside an unpacked release bundle (the folder holds gazette-VERSION-ARCH/)."""
    found = sorted(glob.glob(os.path.join(folder, "*", "bin", "gazette"))) + sorted(glob.glob(os.path.join(folder, "bin", "gazette")))
    if not found:
        raise RuntimeError(f"no bin/gazette in the unpacked bundle {folder}")
    return found[0]


def find_binary(name):
    """The gazette executable on this machine: in the shipped bundle, a path, a file shipped with
    --files, or on PATH."""
    if name == BUNDLE_SPEC:
        from pyspark import SparkFiles
        return bundle_binary(SparkFiles.get(BUNDLE_NAME))
    if os.path.isfile(name) and os.access(name, os.X_OK):
        return os.path.abspath(name)
    candidates = [os.path.join(os.getcwd(), os.path.basename(name))]
    try:
        from pyspark import SparkFiles
        candidates.insert(0, SparkFiles.get(os.path.basename(name)))
    except Exception:
        pass
    for candidate in candidates:
        if os.path.isfile(candidate):
            if not os.access(candidate, os.X_OK):
                os.chmod(candidate, 0o755)
            return candidate
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError(f"gazette binary {name!r} not found on this executor (ship it with --bundle or --files)")


def pipe_lines(binary_name, tag_args):
    """mapPartitions function: the partition's JSONL lines through one `gazette tag` process, its
    output lines back (RDD.pipe, with the binary found on the executor)."""
    def run(partition):
        binary = find_binary(binary_name)
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen([binary, "tag", "--quiet"] + tag_args, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=errors)

            def feed():
                try:
                    for line in partition:
                        process.stdin.write(line.encode("utf-8") + b"\n")
                finally:
                    process.stdin.close()

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            for line in process.stdout:
                yield line.decode("utf-8").rstrip("\n")
            writer.join()
            # Exit status 1 means "some error records", which is normal output; 2 and above fail the task.
            if process.wait() > 1:
                errors.seek(0)
                raise RuntimeError(f"gazette tag failed ({process.returncode}): {errors.read().decode(errors='replace')}")
    return run


def tag_files(binary_name, tag_args, roots):
    """mapPartitions function: pipe each whole file through `gazette tag` and yield its records."""
    def run(partition):
        binary = find_binary(binary_name)
        for uri, content in partition:
            name = relative_name(uri, roots)
            command = [binary, "tag", "-", "--stdin-name", name, "--quiet"] + tag_args
            result = subprocess.run(command, input=bytes(content), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if result.returncode not in (0, 1):
                raise RuntimeError(f"gazette tag failed on {uri} ({result.returncode}): {result.stderr.decode(errors='replace')}")
            for line in result.stdout.decode("utf-8").splitlines():
                yield line
    return run


def graph_partials(binary_name):
    """mapPartitions function: the partial graph (JSON) of one partition's tag records."""
    def run(partition):
        binary = find_binary(binary_name)
        data = "".join(line + "\n" for line in partition).encode("utf-8")
        if not data:
            return
        result = subprocess.run([binary, "graph", "build", "-", "--format", "json"], input=data,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if result.returncode == 1 and b"no tag records" in result.stderr:
            return  # a partition of error records only: nothing to graph
        if result.returncode != 0:
            raise RuntimeError(f"gazette graph build failed ({result.returncode}): {result.stderr.decode(errors='replace')}")
        yield result.stdout.decode("utf-8")
    return run


def main(argv=None):
    parser = argparse.ArgumentParser(description="Tag article dumps on Spark with the gazette binary.")
    parser.add_argument("inputs", nargs="+", help="files or directories (local, hdfs://, s3a://, ...)")
    parser.add_argument("--output", required=True, help="output directory for the part-* files (must not exist)")
    parser.add_argument("--gazette", default="gazette",
                        help="gazette executable: a path, or the name of a file shipped with --files (default: gazette on PATH)")
    parser.add_argument("--bundle", help="release bundle (gazette-VERSION-linux-ARCH.tar.gz) to ship to every executor; overrides --gazette")
    parser.add_argument("--mode", choices=["files", "lines"], default="files")
    parser.add_argument("--partitions", type=int, default=0, help="minimum number of partitions (default: Spark's)")
    parser.add_argument("--jobs", type=int, default=1, help="gazette --jobs per task (default 1: one core per Spark task)")
    parser.add_argument("--tag-args", default="", help="extra `gazette tag` options, e.g. \"--gazetteers gz/gazetteers --include-text\"")
    parser.add_argument("--graph", help="also write the merged entity graph here (GraphML; needs `gazette graph`)")
    parser.add_argument("--master", help="Spark master when not set by spark-submit (e.g. local[2])")
    args = parser.parse_args(argv)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("gazette-tag")
    if args.master:
        conf.setMaster(args.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    driver_binary = None
    driver_scratch = tempfile.TemporaryDirectory()
    if args.bundle:
        # One file, binary and data together, unpacked on every executor; bin/gazette finds its data
        # as ../share/gazette. The driver unpacks its own copy for the graph merge.
        sc.addArchive(os.path.abspath(args.bundle) + "#" + BUNDLE_NAME)
        args.gazette = BUNDLE_SPEC
        with tarfile.open(args.bundle) as archive:
            archive.extractall(driver_scratch.name)
        driver_binary = bundle_binary(driver_scratch.name)

    tag_args = ["--jobs", str(args.jobs)] + shlex.split(args.tag_args)
    if args.mode == "files":
        roots = [canonical(p) for p in args.inputs]
        files = expand_local(args.inputs)
        if not files:
            print("tag_job: no input files", file=sys.stderr)
            return 2
        partitions = args.partitions or None
        documents = sc.binaryFiles(",".join(files), minPartitions=partitions)
        documents = documents.filter(lambda item: is_input_name(item[0]))
        tags = documents.mapPartitions(tag_files(args.gazette, tag_args, roots))
    else:
        lines = sc.textFile(",".join(args.inputs), minPartitions=args.partitions or None)
        tags = lines.mapPartitions(pipe_lines(args.gazette, tag_args))

    tags = tags.cache()
    tags.saveAsTextFile(args.output)
    count = tags.count()
    print(f"tag_job: wrote {count} records to {args.output}", file=sys.stderr)

    if args.graph:
        # Optional step: per-partition partial graphs merged exactly on the driver.
        partials = tags.mapPartitions(graph_partials(args.gazette)).collect()
        binary = driver_binary or find_binary(args.gazette)
        with tempfile.TemporaryDirectory() as scratch:
            paths = []
            for index, partial in enumerate(partials):
                path = os.path.join(scratch, f"partial-{index:05d}.json")
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(partial)
                paths.append(path)
            if paths:
                subprocess.run([binary, "graph", "merge", *paths, "-o", args.graph], check=True)
                print(f"tag_job: merged {len(paths)} partial graphs into {args.graph}", file=sys.stderr)
    sc.stop()
    driver_scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
