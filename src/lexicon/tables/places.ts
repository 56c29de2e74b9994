/**
 * Places: what the country matcher adds to the world-countries data (names,
 * demonyms and capitals), and what it must not take for a country. One row
 * per name.
 *
 *   name     as running text writes it ("Great Britain", "U.K."); case and accents
 *            do not matter, but the first word must be capitalised in the text
 *   classes  one or more of:
 *     country    another name for a country, or a city that stands for its state ("Washington")
 *     demonym    a demonym the dataset lacks ("Briton", "Dutch"): evidence, not a speaker
 *     place      a word of a place name: a speaker named only by such words ("New Hampshire")
 *                is an institution, never a person; never a pronoun's antecedent
 *     building   the last word of a building's, street's or square's name ("Trump Tower",
 *                "Baker Street"): such a name is a place, never a speaker or an antecedent,
 *                unless the institutions table names it ("Downing Street")
 *     ambiguous  a country name or capital that is something else far more often in English
 *                news ("Georgia", "Jordan", "Victoria"): a country only in a list of countries
 *     no-country a name that holds a country's or institution's name but says nothing of a
 *                country ("Labour Minister", "Social Democrats"); matched as written, case
 *                and all, and never part of a name that has a country ("Labour Party")
 *   country  the ISO 3166-1 alpha-2 code, for country and demonym rows only
 */
export const PLACES = `
# name                classes           country

# Other names of countries, and cities that stand for their state ("Washington", "Kiev")
Washington            country           US
U.S.                  country           US
US                    country           US
USA                   country           US
U.S.A.                country           US
America               country           US
Britain               country           GB
Great Britain         country           GB
UK                    country           GB
U.K.                  country           GB
England               country           GB
Scotland              country           GB
Wales                 country           GB
Holland               country           NL
Burma                 country           MM
Ivory Coast           country           CI
Czech Republic        country           CZ
Persia                country           IR
Turkey                country           TR
Kiev                  country           UA
Gaza                  country           PS
Swaziland             country           SZ
Cape Verde            country           CV
East Timor            country           TL
Macedonia             country           MK
Islamic Republic      country           IR
UAE                   country           AE
DPRK                  country           KP
PRC                   country           CN

# Demonyms the dataset does not list
Briton                demonym           GB
Britons               demonym           GB
Dutch                 demonym           NL
Saudi                 demonym           SA
Emirati               demonym           AE
Filipino              demonym           PH
Scottish              demonym           GB
Welsh                 demonym           GB
English               demonym           GB
Soviet                demonym           RU

# Last words of names of buildings, streets and squares: places, not speakers
Tower                 building
Towers                building
Street                building
Square                building
Hotel                 building
Avenue                building
Road                  building
Lane                  building
Plaza                 building
Stadium               building
Airport               building

# Words of US states, cities and regions: a name made only of them (and "New") is a place
Alabama               place
Alaska                place
Arizona               place
Arkansas              place
California            place
Colorado              place
Connecticut           place
Delaware              place
Florida               place
Georgia               place ambiguous
Hawaii                place
Idaho                 place
Illinois              place
Indiana               place
Iowa                  place
Kansas                place
Kentucky              place
Louisiana             place
Maine                 place
Maryland              place
Massachusetts         place
Michigan              place
Minnesota             place
Mississippi           place
Missouri              place
Montana               place
Nebraska              place
Nevada                place
Ohio                  place
Oklahoma              place
Oregon                place
Pennsylvania          place
Tennessee             place
Texas                 place
Utah                  place
Vermont               place
Virginia              place
Wisconsin             place
Wyoming               place
Carolina              place
Dakota                place
Hampshire             place
Jersey                place ambiguous
York                  place
Mexico                place
Manhattan             place
Brooklyn              place
Chicago               place
Boston                place
Philadelphia          place
Cleveland             place
Detroit               place
Atlanta               place
Houston               place
Dallas                place
Miami                 place
Denver                place
Seattle               place
Phoenix               place
Baltimore             place
Milwaukee             place
Pittsburgh            place
Cheyenne              place
Orlando               place
Tampa                 place
London                place
Paris                 place
Berlin                place
Europe                place
Asia                  place
Africa                place
Middle                place
East                  place
West                  place
North                 place
South                 place
Midwest               place

# Country names and capitals that denote something else far more often in English news
Georgian              ambiguous
Jordan                ambiguous
Chad                  ambiguous
Guernsey              ambiguous
Man                   ambiguous
Christmas Island      ambiguous
Victoria              ambiguous
Kingston              ambiguous
Hamilton              ambiguous
Georgetown            ambiguous
San Jose              ambiguous
Santiago              ambiguous
Lima                  ambiguous
La Paz                ambiguous
Washington D.C.       ambiguous
Sucre                 ambiguous
Tunis                 ambiguous
Algiers               ambiguous
Andorra la Vella      ambiguous

# Names that hold an institution's name but say nothing of a country. Case matters:
# "Labour Minister" is a minister of labour, "Labour minister" one of Labour's.
Labour Minister       no-country
Labour Organisation   no-country
Labour Organization   no-country
Labour Office         no-country
Social Democrat       no-country
Social Democrats      no-country
Christian Democrat    no-country
Christian Democrats   no-country
World Congress        no-country
Party Congress        no-country
`;
