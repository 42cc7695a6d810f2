import TopicClassification

/// A small labelled corpus written for these tests: three hobbies, short texts.
enum SmallCorpus {
    static let training: [TopicExample] = [
        ("The telescope showed the rings of Saturn clearly on a cold, clear night.", "astronomy"),
        ("Astronomers spotted a comet moving slowly across the constellation of Orion.", "astronomy"),
        ("A meteor shower peaks this weekend; look north-east after midnight.", "astronomy"),
        ("The moon's craters are easiest to see along the terminator at half moon.", "astronomy"),
        ("Jupiter and its four bright moons rose above the horizon before dawn.", "astronomy"),
        ("Our club's new reflector telescope has a wider mirror and a steadier mount.", "astronomy"),
        ("The galaxy in Andromeda is the farthest object visible without a telescope.", "astronomy"),
        ("Light pollution from the city hides the faint stars of the Milky Way.", "astronomy"),
        ("Mars is at opposition, so the red planet is bright all night.", "astronomy"),
        ("A total eclipse of the sun darkened the sky for almost three minutes.", "astronomy"),
        ("Variable stars change in brightness; observers log them every clear night.", "astronomy"),
        ("The nebula glowed faintly in the eyepiece once our eyes adapted to the dark.", "astronomy"),
        ("Chop the onions finely and fry them in butter until golden.", "cooking"),
        ("Knead the bread dough for ten minutes, then let it rise in a warm kitchen.", "cooking"),
        ("Season the soup with salt, pepper and a handful of fresh parsley.", "cooking"),
        ("Roast the chicken in a hot oven and baste it with its juices.", "cooking"),
        ("Whisk the eggs with sugar until pale, then fold in the flour for the cake.", "cooking"),
        ("Simmer the tomato sauce gently with garlic and basil for an hour.", "cooking"),
        ("This recipe needs a heavy pan, olive oil and plenty of lemon.", "cooking"),
        ("Marinate the lamb overnight with yoghurt, cumin and crushed garlic.", "cooking"),
        ("Bake the pastry blind before you pour in the custard filling.", "cooking"),
        ("Stir the risotto often and add the stock one ladle at a time.", "cooking"),
        ("Grill the fish skin side down and serve it with boiled potatoes.", "cooking"),
        ("Melt the chocolate over a pan of simmering water for the dessert.", "cooking"),
        ("Hoist the mainsail and trim the jib as the wind picks up.", "sailing"),
        ("The yacht heeled over in the gusts as we tacked towards the harbour.", "sailing"),
        ("Check the tide tables before you leave the marina at low water.", "sailing"),
        ("Reef the sails early when a squall darkens the sea to windward.", "sailing"),
        ("The dinghy capsized near the buoy but the crew righted it quickly.", "sailing"),
        ("We anchored in a quiet bay and rowed the tender ashore.", "sailing"),
        ("A steady breeze carried the boat across the channel by evening.", "sailing"),
        ("Keep a lookout for ferries when you cross the shipping lane.", "sailing"),
        ("The skipper plotted a course around the headland to avoid the rocks.", "sailing"),
        ("Coil the ropes neatly and stow the fenders before leaving the pontoon.", "sailing"),
        ("The regatta was postponed because the wind dropped to a flat calm.", "sailing"),
        ("Running downwind with the spinnaker up, the boat surfed down the waves.", "sailing"),
    ].map { TopicExample(text: $0.0, label: $0.1) }

    static let heldOut: [TopicExample] = [
        ("Saturn's largest moon was visible through the club telescope after dark.", "astronomy"),
        ("The comet's tail stretched across the night sky above the observatory.", "astronomy"),
        ("Fry the garlic in olive oil, then add the tomatoes and simmer.", "cooking"),
        ("Bake the bread in a hot oven until the crust is golden.", "cooking"),
        ("The wind backed to the west, so we tacked and trimmed the mainsail.", "sailing"),
        ("The crew reefed the sails as the yacht left the harbour in a squall.", "sailing"),
    ].map { TopicExample(text: $0.0, label: $0.1) }
}
