// Word lists for generated stories and comments (db/seed/bulk.ts). Varied enough that full-text search
// finds different stories for different words and ranks them differently: every story also leans on a
// few "focus" words from the lexicon, repeated through its body, so term frequency means something.

/** Topic nouns per demo section (singular; `plural()` makes the plural). Unknown sections use them all. */
export const topicNouns: Record<string, string[]> = {
  music: [
    'album', 'record', 'tour', 'chorus', 'synth', 'drummer', 'songwriter', 'ballad', 'setlist', 'festival',
    'band', 'guitar', 'label', 'single', 'remix', 'bassline', 'studio', 'encore', 'venue', 'mixtape',
    'producer', 'choir', 'saxophone', 'rehearsal', 'demo', 'hook', 'lyric', 'turntable', 'orchestra', 'riff',
  ],
  screen: [
    'film', 'show', 'director', 'season', 'episode', 'script', 'actor', 'premiere', 'documentary', 'sequel',
    'cinematographer', 'showrunner', 'finale', 'trailer', 'screenplay', 'thriller', 'cartoon', 'casting', 'editor', 'cameo',
    'soundtrack', 'montage', 'projector', 'sitcom', 'western', 'remake', 'stunt double', 'studio', 'pilot', 'close-up',
  ],
  culture: [
    'novel', 'museum', 'essay', 'poet', 'exhibition', 'gallery', 'library', 'memoir', 'podcast', 'playwright',
    'theatre', 'archive', 'translation', 'lecture', 'bookshop', 'collective', 'manifesto', 'zine', 'residency', 'festival',
    'critic', 'sculpture', 'mural', 'anthology', 'publisher', 'salon', 'workshop', 'opera', 'comic', 'photograph',
  ],
  style: [
    'jacket', 'sneaker', 'tailor', 'runway', 'collection', 'designer', 'boutique', 'fabric', 'cardigan', 'silhouette',
    'atelier', 'stitch', 'wardrobe', 'accessory', 'perfume', 'hat', 'loafer', 'scarf', 'label', 'coat',
    'dress', 'pattern', 'model', 'shoe', 'trend', 'boot', 'watch', 'necklace', 'lookbook', 'seamstress',
  ],
};

export const adjectives = [
  'quiet', 'restless', 'luminous', 'stubborn', 'brittle', 'tender', 'feral', 'glossy', 'forgotten', 'electric',
  'modest', 'lavish', 'crooked', 'patient', 'furious', 'hazy', 'bright', 'salty', 'velvet', 'hollow',
  'nocturnal', 'unlikely', 'careful', 'reckless', 'gentle', 'bitter', 'golden', 'rusty', 'wild', 'secret',
  'humble', 'giddy', 'melancholy', 'sprawling', 'tiny', 'vivid', 'dusty', 'radiant', 'lonely', 'loud',
  'strange', 'familiar', 'cheerful', 'solemn', 'frantic', 'slow', 'sharp', 'soft', 'heavy', 'weightless',
  'clever', 'awkward', 'elegant', 'scrappy', 'ancient', 'brand-new', 'homemade', 'borrowed', 'second-hand', 'overlooked',
];

export const places = [
  'Lisbon', 'Detroit', 'Osaka', 'Glasgow', 'Lagos', 'Marseille', 'Montreal', 'Bogotá', 'Tbilisi', 'Oaxaca',
  'Leeds', 'Austin', 'Naples', 'Reykjavik', 'Busan', 'Accra', 'Porto', 'Kraków', 'Valparaíso', 'Memphis',
  'Bristol', 'Seoul', 'Nairobi', 'Ghent', 'Tucson', 'Havana', 'Cork', 'Hobart', 'Istanbul', 'Kyoto',
  'Brooklyn', 'Manchester', 'Tangier', 'Belgrade', 'Medellín', 'Tallinn', 'Dakar', 'Halifax', 'Perth', 'Bilbao',
];

export const firstNames = [
  'Ada', 'Bruno', 'Celia', 'Dario', 'Elif', 'Femi', 'Greta', 'Hugo', 'Ines', 'Jonas',
  'Keiko', 'Lior', 'Marta', 'Nico', 'Odile', 'Pavel', 'Quinn', 'Rosa', 'Samir', 'Tova',
  'Uma', 'Vikram', 'Wren', 'Xavier', 'Yara', 'Zeke', 'Amara', 'Basil', 'Cleo', 'Dev',
  'Esme', 'Farid', 'Gia', 'Hal', 'Iris', 'Jude', 'Kofi', 'Lena', 'Mateo', 'Noor',
  'Otto', 'Priya', 'Rafe', 'Saoirse', 'Tomas', 'Ulla', 'Vera', 'Wade', 'Yusuf', 'Zora',
];

export const lastNames = [
  'Abara', 'Bergström', 'Castell', 'Dunmore', 'Eze', 'Fairweather', 'Garza', 'Halloran', 'Ivanova', 'Jansen',
  'Kowalski', 'Lindqvist', 'Mbeki', 'Navarro', "O'Dowd", 'Petrakis', 'Quint', 'Rinaldi', 'Sato', 'Thorne',
  'Ueda', 'Vasquez', 'Whitlock', 'Xu', 'Yilmaz', 'Zamora', 'Achebe', 'Blackwood', 'Costa', 'Delacroix',
  'Ellery', 'Fontaine', 'Gallo', 'Hargreaves', 'Ibsen', 'Joshi', 'Kaur', 'Larkin', 'Moreau', 'Nakamura',
  'Okonkwo', 'Pellegrini', 'Rahman', 'Silva', 'Tanaka', 'Varga', 'Weiss', 'Yeo', 'Zeller', 'Marchetti',
];

/** [third person present, past] */
export const verbs: Array<[string, string]> = [
  ['reinvents', 'reinvented'], ['rescues', 'rescued'], ['haunts', 'haunted'], ['rebuilds', 'rebuilt'], ['rewrites', 'rewrote'],
  ['outgrows', 'outgrew'], ['borrows', 'borrowed'], ['chases', 'chased'], ['unsettles', 'unsettled'], ['revives', 'revived'],
  ['gathers', 'gathered'], ['abandons', 'abandoned'], ['tames', 'tamed'], ['remembers', 'remembered'], ['questions', 'questioned'],
  ['celebrates', 'celebrated'], ['dismantles', 'dismantled'], ['stitches', 'stitched'], ['follows', 'followed'], ['saves', 'saved'],
  ['teaches', 'taught'], ['steals', 'stole'], ['finds', 'found'], ['loses', 'lost'], ['builds', 'built'],
  ['breaks', 'broke'], ['sells', 'sold'], ['keeps', 'kept'], ['shakes', 'shook'], ['wakes', 'woke'],
];

export const timePhrases = [
  'after midnight', 'every other Sunday', 'for a decade', 'since the winter', 'before the lights went up',
  'in a single summer', 'on a shoestring', 'against the odds', 'one rehearsal at a time', 'without a plan',
  'for the third time', 'just before the deadline', 'in the rain', 'after the crowds left', 'on the last night',
];

/** Distinctive words that give each story its own search terms. */
export const lexicon = [
  'accordion', 'aftershock', 'albatross', 'almanac', 'amber', 'amphitheatre', 'anchor', 'apricot', 'aqueduct', 'arcade',
  'avalanche', 'backstage', 'balcony', 'bamboo', 'banquet', 'barometer', 'basement', 'beacon', 'beehive', 'belfry',
  'bicycle', 'blizzard', 'blueprint', 'bonfire', 'boulevard', 'bramble', 'bridge', 'brocade', 'cabaret', 'cactus',
  'calendar', 'campfire', 'canal', 'candle', 'canyon', 'caravan', 'carnival', 'carousel', 'cathedral', 'cellar',
  'chandelier', 'chimney', 'cinnamon', 'citadel', 'clocktower', 'cobblestone', 'comet', 'compass', 'constellation', 'copper',
  'corridor', 'cottage', 'crossroads', 'crystal', 'curfew', 'cypress', 'dandelion', 'daybreak', 'delta', 'desert',
  'dinghy', 'diner', 'dockyard', 'dragonfly', 'driftwood', 'drizzle', 'dune', 'dynamo', 'eclipse', 'elevator',
  'embassy', 'ember', 'emerald', 'engine', 'estuary', 'factory', 'fairground', 'falcon', 'ferry', 'fig',
  'firefly', 'fjord', 'flamingo', 'floodlight', 'fog', 'fountain', 'foxglove', 'freight', 'frost', 'furnace',
  'galaxy', 'garage', 'garden', 'garnet', 'geyser', 'glacier', 'gondola', 'granary', 'greenhouse', 'gravel',
  'hammock', 'harbour', 'harvest', 'hearth', 'heatwave', 'hedgerow', 'heron', 'highway', 'hilltop', 'honey',
  'horizon', 'hurricane', 'igloo', 'indigo', 'island', 'ivory', 'jasmine', 'jetty', 'jukebox', 'jungle',
  'kaleidoscope', 'kettle', 'keystone', 'kingfisher', 'kite', 'labyrinth', 'lagoon', 'lantern', 'laundromat', 'lavender',
  'lighthouse', 'limestone', 'locomotive', 'loft', 'lullaby', 'magnolia', 'mango', 'marble', 'marina', 'meadow',
  'meteor', 'midsummer', 'mineshaft', 'mirage', 'monastery', 'monsoon', 'moorland', 'mosaic', 'moth', 'motorway',
  'nectar', 'neon', 'nightingale', 'noodle', 'oasis', 'observatory', 'ocelot', 'orchard', 'orchid', 'origami',
  'paddock', 'pagoda', 'palisade', 'panther', 'parachute', 'pavilion', 'pebble', 'pelican', 'pendulum', 'peppermint',
  'pier', 'pinewood', 'planetarium', 'plaza', 'pomegranate', 'porcelain', 'postcard', 'prairie', 'promenade', 'quarry',
  'quartz', 'quayside', 'quicksilver', 'railway', 'rainforest', 'rampart', 'raven', 'reef', 'riverbank', 'rooftop',
  'rosemary', 'saffron', 'sailboat', 'sandstorm', 'sapphire', 'scaffold', 'schooner', 'seashell', 'shipyard', 'silo',
  'skyline', 'snowdrift', 'spire', 'stadium', 'starling', 'steamship', 'subway', 'sunflower', 'swamp', 'tangerine',
  'tapestry', 'telescope', 'terrace', 'thunderstorm', 'tidepool', 'timber', 'tramline', 'treehouse', 'tulip', 'tundra',
  'turquoise', 'twilight', 'typewriter', 'umbrella', 'valley', 'vineyard', 'volcano', 'warehouse', 'waterfall', 'whirlpool',
  'wildflower', 'windmill', 'wisteria', 'woodland', 'workshop', 'yacht', 'yarn', 'zeppelin', 'zephyr', 'ziggurat',
];

export const commentOpeners = [
  'Great piece.', 'Lovely writing.', 'I disagree with most of this.', 'Finally someone said it.', 'This made my morning.',
  'Not sure about this one.', 'Saw them live last year.', 'Bookmarking this.', 'Brilliant.', 'Hmm.',
  'Thanks for writing this.', 'Long-time reader, first comment.', 'This is spot on.', 'Fair points, but', 'Oh, I remember this!',
];

export const commentSentences = [
  'The bit about the {noun} really stayed with me.',
  'I grew up near {place} and this is exactly how it felt.',
  'Would love a follow-up on the {adj} {noun}.',
  'Nobody talks about the {noun} enough.',
  'My {relative} used to say the same thing about {plural}.',
  'It reminds me of that {adj} {noun} from years ago.',
  'Honestly the {noun} was the least interesting part for me.',
  'Can we talk about how {adj} that last paragraph was?',
  'I went to {place} because of a piece like this one.',
  'The {noun} in the photo is gorgeous.',
  'This is why I still read long stories.',
  'Respectfully, the {noun} deserved more credit here.',
  'Anyone else think the {focus} detail was the best part?',
  'Sharing this with everyone I know who loves {plural}.',
  'I have questions about the {focus}, but I enjoyed it.',
];

export const replySentences = [
  'Agreed, completely.', 'Same here.', 'I see it differently, but fair.', 'Ha, exactly this.', 'Came here to say this.',
  'You should read the earlier piece on the {noun}.', 'Not sure that is quite right.', 'Thank you for putting it so well.',
  'Which {noun} do you mean?', 'This thread is the best thing on the internet today.',
];

export const relatives = ['mother', 'father', 'grandmother', 'uncle', 'aunt', 'neighbour', 'flatmate', 'old teacher', 'sister', 'brother'];
