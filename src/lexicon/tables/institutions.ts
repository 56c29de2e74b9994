/**
 * Offices, institutions, metonyms and parties, each with its country: "the
 * Kremlin" is Russia's, "Downing Street" Britain's. A speaker's title or name
 * that holds one is evidence of the speaker's country ("Kremlin spokesman
 * Dmitry Peskov"), and a speaker named by one alone is an organisation of
 * that country. One row per name; accents and case do not matter ("Élysée",
 * "Elysee"), but the first word must be capitalised in the text.
 *
 *   name     as running text writes it ("White House", "Quai d'Orsay")
 *   class    office      a head of state's or government's office ("Kremlin", "Downing Street")
 *            ministry    a ministry or department ("State Department", "Whitehall")
 *            agency      a government agency ("FBI")
 *            parliament  a parliament or one of its houses ("Duma", "Bundestag")
 *            party       a political party
 *            court       a court
 *   country  the ISO 3166-1 alpha-2 code
 */
export const INSTITUTIONS = `
# name                  class       country

Kremlin                 office      RU
Duma                    parliament  RU

White House             office      US
Pentagon                ministry    US
State Department        ministry    US
Department of State     ministry    US
Homeland Security       ministry    US
Capitol Hill            parliament  US
Foggy Bottom            ministry    US
FBI                     agency      US
CIA                     agency      US
NSA                     agency      US
DHS                     ministry    US
Justice Department      ministry    US
Treasury Department     ministry    US

Downing Street          office      GB
Whitehall               ministry    GB
Number 10               office      GB
No 10                   office      GB

Élysée                  office      FR
Quai d'Orsay            ministry    FR

Zhongnanhai             office      CN

Blue House              office      KR

Knesset                 parliament  IL

Bundestag               parliament  DE
`;
