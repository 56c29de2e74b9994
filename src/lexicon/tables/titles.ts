/**
 * Words that describe who speaks: titles and roles, honorifics, gendered
 * words, organisation words and the modifiers found in titles ("Foreign
 * Ministry spokesman", "Mr", "the firm"). One row per word, with every class
 * it is in.
 *
 *   form     the word in lower case (with its period for abbreviations: "sen.")
 *   classes  one or more of:
 *     honorific         before a name, not part of it; tells gender where male/female says so ("Mr")
 *     title             a title or role before or around a name ("minister", "spokesman")
 *     male, female      the gender the word gives a person ("spokeswoman", "Mr")
 *     org               makes a name an institution ("Foreign Ministry", "Labour Party")
 *     org-descriptor    describes a named thing as an organisation ("the US corporation Microsoft")
 *     generic-org       "the firm", "the company": the organisation the article is about
 *     corporate-suffix  dropped from a canonical name ("Microsoft Corp" → "Microsoft")
 *     speaker           heads a description of someone who can speak ("analysts", "the report")
 *     people            a plural of people: a description headed by it is a person, not an organisation
 *     modifier          a lower-case word that may stand inside a title ("foreign", "deputy")
 *     name-title        written with a capital before a name, a title and not part of the name ("MEP Robert Kilroy-Silk")
 *     official          marks a speaker as an official or official body: a country known from where the
 *                       article stands (dateline, home country) may be theirs ("minister", "Labour", "Commons")
 *     international     names a body above any one country ("European Commission", "UN"): never given one
 */
export const TITLES = `
# form             classes

# Honorifics
mr                 honorific title male name-title
mrs                honorific title female name-title
ms                 honorific title female name-title
miss               honorific title female name-title
dr                 honorific title name-title
prof               honorific title name-title
sir                honorific title male name-title
dame               honorific title female name-title
lord               honorific title male name-title
lady               honorific title female name-title
rev                honorific name-title
mr.                honorific title male
mrs.               honorific title female
ms.                honorific title female
dr.                honorific title
prof.              honorific title
rev.               honorific
messrs             honorific

# Titles and roles
president          title name-title official
vice               title name-title
minister           title name-title official
secretary          title name-title official
spokesman          title male speaker modifier name-title official
spokeswoman        title female speaker modifier name-title official
spokesperson       title speaker official
chairman           title male name-title official
chairwoman         title female name-title
chair              title
chancellor         title name-title official
premier            title official
governor           title name-title official
senator            title speaker name-title official
sen                title name-title official
sen.               title name-title
rep                title name-title official
rep.               title name-title
representative     title official
congressman        title male official
congresswoman      title female official
mayor              title name-title official
ambassador         title name-title official
envoy              title official
official           title speaker official
officials          title speaker people official
director           title
chief              title modifier name-title
ceo                title
cfo                title
coo                title
cto                title
founder            title
co-founder         title
head               title
leader             title speaker name-title official
commander          title
general            title modifier name-title
admiral            title
colonel            title
captain            title
lieutenant         title
sergeant           title
officer            title speaker
adviser            title speaker
advisor            title speaker
aide               title speaker
counsel            title
attorney           title
lawyer             title speaker
judge              title speaker name-title
justice            title modifier name-title
prosecutor         title
sheriff            title
commissioner       title name-title official
inspector          title
superintendent     title
administrator      title
manager            title
executive          title speaker official
analyst            title speaker
economist          title speaker
strategist         title
pollster           title
consultant         title
expert             title speaker
professor          title name-title
researcher         title
scientist          title
historian          title
author             title
writer             title
editor             title
columnist          title
correspondent      title
reporter           title
journalist         title
anchor             title
host               title
candidate          title speaker
challenger         title
nominee            title
contender          title
hopeful            title
incumbent          title
rival              title
opponent           title speaker
counterpart        title
colleague          title
ally               title
confidant          title
surrogate          title
backer             title
donor              title
fundraiser         title
organizer          title
deputy             title modifier name-title official
acting             title modifier
assistant          title
associate          title
senior             title modifier
junior             title modifier
top                title modifier
former             title modifier
ex-                title
interim            title modifier
designate          title
elect              title
speaker            title official
whip               title official
majority           title
minority           title
king               title male
queen              title female
prince             title male
princess           title female
emperor            title
sheikh             title name-title
ayatollah          title name-title
cardinal           title name-title
pope               title name-title
bishop             title name-title
rabbi              title
imam               title
pastor             title
reverend           title name-title
gov                title name-title
gov.               title name-title
gen                title name-title
gen.               title name-title
lt                 title
lt.                title
col                title
col.               title
sgt                title
sgt.               title
capt               title
capt.              title
member             title speaker
partner            title
owner              title speaker
president-elect    title
vice-president     title
chairperson        title
coach              title
player             title
striker            title
midfielder         title
defender           title
goalkeeper         title
star               title
actor              title
actress            title
singer             title
producer           title generic-org
rapper             title
musician           title
activist           title speaker
campaigner         title
organiser          title
protester          title speaker
supporter          title speaker
critic             title speaker
voter              title speaker
resident           title speaker
citizen            title speaker
student            title speaker
teacher            title
doctor             title
nurse              title
patient            title
victim             title
witness            title speaker
survivor           title
mother             title female
father             title male
son                title male
daughter           title female
wife               title female
husband            title male
brother            title male
sister             title female
friend             title speaker
neighbor           title
neighbour          title
boss               title
employee           title speaker
worker             title speaker
agent              title
operative          title
staffer            title
delegate           title
lawmaker           title speaker
legislator         title
politician         title
diplomat           title speaker official
negotiator         title
mediator           title
regulator          title
auditor            title
investigator       title
treasurer          title
comptroller        title
controller         title
clerk              title
registrar          title
ombudsman          title
solicitor          title
barrister          title
magistrate         title
policeman          title
policewoman        title
trooper            title
detective          title
constable          title
marshal            title
businessman        title male
businesswoman      title female
billionaire        title
mogul              title
tycoon             title
entrepreneur       title
investor           title
philanthropist     title
comedian           title
commentator        title
blogger            title
pundit             title
broadcaster        title org-descriptor generic-org speaker
presenter          title
novelist           title
poet               title
artist             title
filmmaker          title
chef               title
publisher          title org-descriptor generic-org
spokesmen          title
democrat           title name-title
republican         title modifier name-title
tory               title name-title official
democrats          title speaker people official
republicans        title speaker people
frontrunner        title
front-runner       title
nominee-elect      title
governor-elect     title
mayor-elect        title

# Male words
uncle              male
grandfather        male
nephew             male
boyfriend          male

# Female words
aunt               female
grandmother        female
niece              female
girlfriend         female

# Organisation words
ministry           org org-descriptor speaker official
department         org org-descriptor speaker official
agency             org org-descriptor speaker official
office             org official
bureau             org
service            org
services           org
council            org official
committee          org org-descriptor speaker official
commission         org official
board              org
authority          org official
authorities        org speaker people official
administration     org speaker official
government         org speaker official
cabinet            org official
parliament         org official
congress           org official
senate             org official
house              org modifier
assembly           org
court              org speaker
tribunal           org
party              org org-descriptor modifier official
union              org org-descriptor
federation         org
association        org
society            org
institute          org
institution        org
foundation         org
fund               org org-descriptor
trust              org
bank               org org-descriptor generic-org
corporation        org org-descriptor generic-org corporate-suffix
corp               org corporate-suffix
corp.              org corporate-suffix
company            org org-descriptor generic-org speaker
co                 org corporate-suffix
co.                org corporate-suffix
inc                org corporate-suffix
inc.               org corporate-suffix
ltd                org corporate-suffix
ltd.               org corporate-suffix
llc                org corporate-suffix
plc                org corporate-suffix
group              org org-descriptor generic-org speaker
holdings           org
industries         org
university         org
college            org
school             org
academy            org
hospital           org
church             org
mosque             org
network            org org-descriptor generic-org speaker
channel            org org-descriptor generic-org speaker
newspaper          org org-descriptor generic-org speaker
magazine           org org-descriptor speaker
times              org
post               org
journal            org
news               org modifier
press              org modifier
tribune            org
herald             org
gazette            org
telegraph          org
guardian           org
review             org official
radio              org
television         org
tv                 org
campaign           org org-descriptor speaker modifier
organization       org org-descriptor speaker
organisation       org org-descriptor speaker
alliance           org
coalition          org
league             org
movement           org
army               org official
navy               org
force              org
forces             org
police             org speaker people official
command            org
staff              org speaker modifier
secretariat        org
embassy            org
consulate          org
mission            org
delegation         org
team               org org-descriptor generic-org
club               org org-descriptor generic-org
label              org generic-org
studio             org generic-org
studios            org
airline            org org-descriptor generic-org
airlines           org
motors             org
systems            org
technologies       org
labs               org
laboratories       org
research           org modifier
center             org
centre             org
initiative         org
project            org
program            org
programme          org
caucus             org
pac                org
center-right       org

# Descriptions of organisations
firm               org-descriptor generic-org speaker
paper              org-descriptor generic-org speaker
outlet             org-descriptor speaker
website            org-descriptor speaker
maker              org-descriptor generic-org
giant              org-descriptor generic-org
retailer           org-descriptor generic-org
manufacturer       org-descriptor generic-org
startup            org-descriptor
start-up           org-descriptor
carrier            org-descriptor generic-org
brand              org-descriptor
chain              org-descriptor generic-org

# Generic heads of organisations
insurer            generic-org
operator           generic-org
supplier           generic-org
lender             generic-org
business           generic-org

# Corporate suffixes
limited            corporate-suffix

# Other nouns that can head a speaker
people             speaker people
analysts           speaker people
experts            speaker people
critics            speaker people
residents          speaker people
voters             speaker people
lawyers            speaker people
aides              speaker people
sources            speaker people
source             speaker
observers          speaker people
observer           speaker
supporters         speaker people
opponents          speaker people
activists          speaker people
leaders            speaker people official
members            speaker people
lawmakers          speaker people
senators           speaker people
economists         speaker people
investigators      speaker people
prosecutors        speaker people
researchers        speaker people
scientists         speaker people
historians         speaker people
report             speaker
reports            speaker
study              speaker
studies            speaker
statement          speaker
statements         speaker
poll               speaker
polls              speaker
survey             speaker
surveys            speaker
document           speaker
documents          speaker
memo               speaker
letter             speaker
filing             speaker
complaint          speaker
lawsuit            speaker
suit               speaker
ruling             speaker modifier
decision           speaker
site               speaker
station            speaker
diplomats          speaker people official
candidates         speaker people
officers           speaker people
witnesses          speaker people
protesters         speaker people
man                speaker
woman              speaker
men                speaker
women              speaker
person             speaker
persons            speaker
parents            speaker people
parent             speaker
friends            speaker people
family             speaker
families           speaker people
neighbors          speaker people
neighbours         speaker people
students           speaker people
workers            speaker people
employees          speaker people
executives         speaker people
staffers           speaker people
advisers           speaker people
advisors           speaker people
spokespeople       speaker people official
owners             speaker people
fans               speaker people
fan                speaker
users              speaker people
user               speaker
customers          speaker people
customer           speaker
citizens           speaker people

# Title modifiers
presidential       modifier
vice-presidential  modifier
congressional      modifier
gubernatorial      modifier
senatorial         modifier
parliamentary      modifier official
federal            modifier
national           modifier
state              modifier
local              modifier
foreign            modifier name-title
defense            modifier name-title
defence            modifier name-title
interior           modifier name-title
finance            modifier
economic           modifier
cyber              modifier
security           modifier
intelligence       modifier
military           modifier official
political          modifier
democratic         modifier name-title
conservative       modifier name-title official
liberal            modifier name-title official
longtime           modifier
long-time          modifier
veteran            modifier
outgoing           modifier
incoming           modifier
newly              modifier
elected            modifier
retired            modifier
managing           modifier
lead               modifier
principal          modifier
regional           modifier
international      modifier international
global             modifier
communications     modifier
policy             modifier
legal              modifier
media              modifier
health             modifier name-title
education          modifier name-title
energy             modifier
trade              modifier name-title
labor              modifier
labour             modifier name-title official
environment        modifier name-title
environmental      modifier
agriculture        modifier
transport          modifier name-title
housing            modifier
treasury           modifier name-title official
culture            modifier name-title
sports             modifier
tech               modifier
technology         modifier
digital            modifier
public             modifier
private            modifier
affair             modifier
affairs            modifier
white              modifier
homeland           modifier
human              modifier
rights             modifier
civil              modifier
civic              modifier
polling            modifier
election           modifier
electoral          modifier
opposition         modifier official
governing          modifier
prime              modifier name-title official
first              modifier
new                modifier
then-              modifier
field              modifier
data               modifier
science            modifier
medical            modifier


# Words that only mark a title before a name, an official, or an international body
mp                 name-title official
mep                name-title official
msp                name-title official
am                 name-title official
mla                name-title official
td                 name-title
qc                 name-title
mp's               name-title
euro               name-title
shadow             name-title official
ministers          name-title official
home               name-title
industry           name-title
tories             name-title official
lib                name-title
dem                name-title official
dems               name-title official
snp                name-title official
plaid              name-title official
ukip               name-title official
archbishop         name-title
baroness           name-title
baron              name-title
governments        official
mps                official
meps               official
msps               official
inquiry            official
commons            official
lords              official
conservatives      official
downing            official
whitehall          official
kremlin            official
duma               official
knesset            official
bundestag          official
councillor         official
attorney-general   official
solicitor-general  official
monarchy           official
palace             official
european           international
eu                 international
un                 international
nations            international
nato               international
imf                international
world              international
wto                international
opec               international
g8                 international
g7                 international
g20                international
interpol           international
unesco             international
unicef             international
who                international
oecd               international
`;
