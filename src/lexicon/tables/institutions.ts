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
 *   country    the ISO 3166-1 alpha-2 code
 *   canonical  optional: the body's one name, when this row is another name for it
 *              ("Tories" → Conservative Party), so a speaker named either way is one speaker
 *
 * Every G20 country and Iran has its seats of power and main parties here.
 * A name is matched wherever a speaker's title, apposition or name holds it,
 * from its first (capitalised) word, and the longest name wins: so a name
 * that other countries share is listed only in a longer, unambiguous form
 * ("Indian National Congress", "Trades Union Congress" beside "Congress"),
 * or left out (see the comments below).
 */
export const INSTITUTIONS = `
# name                              class       country

# United States. "Congress", "Senate", "Democrat" and "Republican" are the US's in
# almost all English news; longer names claim other countries' congresses and
# republicans below. Left out: "Democratic" alone ("Christian Democratic Union",
# "Democratic Unionist"), "House of Representatives" and "Supreme Court" (many
# countries), "Labor" (the US Labor Department, Australia's Labor Party).
White House                         office      US
Oval Office                         office      US
Pentagon                            ministry    US
State Department                    ministry    US
Department of State                 ministry    US
Homeland Security                   ministry    US
Foggy Bottom                        ministry    US
DHS                                 ministry    US
Justice Department                  ministry    US
Department of Justice               ministry    US
Treasury Department                 ministry    US
Treasury Secretary                  ministry    US
Defense Department                  ministry    US
Department of Defense               ministry    US
Labor Department                    ministry    US
Department of Labor                 ministry    US
FBI                                 agency      US
CIA                                 agency      US
NSA                                 agency      US
Federal Reserve                     agency      US
Capitol Hill                        parliament  US
Congress                            parliament  US
Senate                              parliament  US
Democrat                            party       US          Democratic Party
Democrats                           party       US          Democratic Party
Democratic Party                    party       US
Democratic National Committee       party       US
DNC                                 party       US
Republican                          party       US          Republican Party
Republicans                         party       US          Republican Party
Republican Party                    party       US
Republican National Committee       party       US
RNC                                 party       US
GOP                                 party       US          Republican Party

# United Kingdom. Left out: "Treasury" and "Conservative" alone, which US news
# capitalises too ("a Treasury official", "Conservative radio host Hugh Hewitt");
# "Ministry of Defence" and "Cabinet Office" (other Commonwealth countries, Japan);
# "Sinn Fein" (two countries).
Downing Street                      office      GB
Number 10                           office      GB
No 10                               office      GB
Whitehall                           ministry    GB
Home Office                         ministry    GB
Foreign Office                      ministry    GB
Foreign and Commonwealth Office     ministry    GB
HM Treasury                         ministry    GB
Chief Treasury Secretary            ministry    GB
Exchequer                           ministry    GB
Scotland Yard                       agency      GB
MI5                                 agency      GB
MI6                                 agency      GB
Westminster                         parliament  GB
House of Commons                    parliament  GB
Commons                             parliament  GB
House of Lords                      parliament  GB
Lords                               parliament  GB
Labour                              party       GB          Labour Party
Labour Party                        party       GB
New Labour                          party       GB          Labour Party
Tory                                party       GB          Conservative Party
Tories                              party       GB          Conservative Party
Conservatives                       party       GB          Conservative Party
Conservative Party                  party       GB
Liberal Democrat                    party       GB          Liberal Democrats
Liberal Democrats                   party       GB
Lib Dem                             party       GB          Liberal Democrats
Lib Dems                            party       GB          Liberal Democrats
UKIP                                party       GB
SNP                                 party       GB
Plaid Cymru                         party       GB
Democratic Unionist Party           party       GB
Democratic Unionists                party       GB          Democratic Unionist Party
DUP                                 party       GB          Democratic Unionist Party
Trades Union Congress               union       GB
Trade Unions Congress               union       GB
TUC                                 union       GB

# Russia
Kremlin                             office      RU
Duma                                parliament  RU
State Duma                          parliament  RU
Federation Council                  parliament  RU
FSB                                 agency      RU
United Russia                       party       RU

# France. Left out: "National Assembly" (many countries), "National Front" (also Britain's).
Élysée                              office      FR
Matignon                            office      FR
Quai d'Orsay                        ministry    FR
UMP                                 party       FR
Front National                      party       FR

# Germany. Left out: "Bundesrat" (also Austria's), "Social Democrats" (many countries).
Bundestag                           parliament  DE
Bundeskanzleramt                    office      DE
Bundesbank                          agency      DE
CDU                                 party       DE          Christian Democratic Union
CSU                                 party       DE
Christian Democratic Union          party       DE
SPD                                 party       DE
FDP                                 party       DE          Free Democratic Party
Free Democrats                      party       DE          Free Democratic Party
Free Democratic Party               party       DE
Federal Labour Agency               agency      DE

# Italy
Palazzo Chigi                       office      IT
Quirinale                           office      IT
Montecitorio                        parliament  IT
Forza Italia                        party       IT

# China
Zhongnanhai                         office      CN
Great Hall of the People            office      CN
National People's Congress          parliament  CN
CCP                                 party       CN

# Japan. Left out: "Diet" alone ("Diet Coke").
Kantei                              office      JP
National Diet                       parliament  JP
Liberal Democratic Party            party       JP
LDP                                 party       JP
Democratic Party of Japan           party       JP
DPJ                                 party       JP

# India
South Block                         ministry    IN
Lok Sabha                           parliament  IN
Rajya Sabha                         parliament  IN
BJP                                 party       IN
Bharatiya Janata Party              party       IN
Congress party                      party       IN
Indian National Congress            party       IN

# Brazil
Planalto                            office      BR
Itamaraty                           ministry    BR

# Argentina
Casa Rosada                         office      AR
Peronist                            party       AR
Peronists                           party       AR
Justicialist Party                  party       AR

# Australia. Left out: "Liberal Party" (also Canada's), "Labor" alone (the US Labor Department).
Labor Party                         party       AU

# Canada. Left out: "House of Commons" alone (Britain's above).
Parliament Hill                     parliament  CA
Rideau Hall                         office      CA
Bloc Québécois                      party       CA
New Democratic Party                party       CA

# Mexico
Los Pinos                           office      MX
Institutional Revolutionary Party   party       MX
PRI                                 party       MX

# Indonesia
Merdeka Palace                      office      ID
Golkar                              party       ID

# Saudi Arabia ("Saudi" is a demonym in places)
Al-Yamamah Palace                   office      SA

# South Africa
Union Buildings                     office      ZA
Luthuli House                       party       ZA
African National Congress           party       ZA
ANC                                 party       ZA
Democratic Alliance                 party       ZA

# South Korea
Blue House                          office      KR
Cheong Wa Dae                       office      KR
Grand National Party                party       KR
Uri Party                           party       KR
Saenuri Party                       party       KR

# Turkey
Grand National Assembly             parliament  TR
AKP                                 party       TR
AK Party                            party       TR
Justice and Development Party       party       TR
Republican People's Party           party       TR
CHP                                 party       TR

# Israel
Knesset                             parliament  IL
Mossad                              agency      IL
Shin Bet                            agency      IL
Likud                               party       IL
Kadima                              party       IL

# Iran
Majlis                              parliament  IR
Guardian Council                    parliament  IR
Assembly of Experts                 parliament  IR
Expediency Council                  parliament  IR
Revolutionary Guards                agency      IR
Revolutionary Guard                 agency      IR
IRGC                                agency      IR
Basij                               agency      IR

# Iraq: its Republican Guard is not the US Republicans
Republican Guard                    agency      IQ
`;
