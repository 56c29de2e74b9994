/**
 * Grammar: function words and other small closed classes the attribution
 * rules test words against. One row per word, with every class it is in.
 *
 *   form     the word in lower case, as the engine's tokens spell it
 *   classes  one or more of:
 *     pronoun             a subject pronoun that can stand for a speaker ("he")
 *     first-person        the speaker's own side ("we", "our")
 *     object-pronoun      never the subject of a speech verb ("him")
 *     indefinite          an indefinite speaker ("someone", "many"): a description, not a name
 *     determiner          opens a noun phrase ("the", "his")
 *     demonstrative       "that", "this": before a name, "that" is a conjunction instead
 *     quantifier          opens an inverted subject like a determiner ("said one Democrat")
 *     preposition         ends a noun phrase and opens an adverbial ("in", "after")
 *     conjunction         ends a noun phrase ("and", "because")
 *     clause-conjunction  opens a clause, so a subject may follow it ("and", "while")
 *     relative            "who", "which": ends a noun phrase and opens a clause
 *     complementizer      opens reported content ("whether", "how")
 *     auxiliary           ends a noun phrase ("is", "has", "will")
 *     be                  a form of "be": a cue after it is passive ("was told")
 *     negation            a cue after it does not report ("never said")
 *     clause-word         shows a clause rather than a title ("is", "which", "not")
 *     adverb              a lower-case word between a subject and its verb that is no noun
 *     before-verb         skipped between a subject and its verb ("has", "also", "never")
 *     sentence-adverb     opens a sentence without being part of its subject ("But", "Meanwhile")
 *     opening-word        may stand before a participle that opens a sentence ("And saying …")
 *     sentence-starter    after an abbreviation such as "U.S.", starts a new sentence
 *     not-a-name          a capitalised sentence opener that is never a name ("There")
 *     weekday             days and their abbreviations
 *     month               months and their abbreviations
 *     time                time words that may follow a speech verb ("said Friday that")
 *     setting             opens an adverbial of time or place, not content ("during", "after")
 *     common-verb         a frequent verb form that ends a noun phrase ("The bank gave")
 *     name-connector      may join the words of a name ("Abu Bakr al Baghdadi")
 *     name-inner          may sit inside a name or title before a speech verb
 *     name-glue           may sit inside an organisation's name ("Department of State")
 *     share               names a share of a group before "of" ("half of voters", "52 percent of
 *                         Democrats") or counts one ("six in 10 voters"): with its group, a speaker
 *     approximator        may stand before a share ("about half", "more than 4 in 10", "at least a third")
 *     post-modifier       an adjective after a source that starts its modifier ("sources familiar
 *                         with the talks", "a person close to the campaign")
 *     contraction         the ending of a verb contracted onto a pronoun ("he's", "they'd", "we're"):
 *                         after a subject pronoun it shows a clause
 */
export const GRAMMAR = `
# form        classes

# Subject pronouns
he            pronoun sentence-starter
she           pronoun sentence-starter
they          pronoun sentence-starter
it            pronoun sentence-starter not-a-name
we            pronoun first-person sentence-starter
i             pronoun first-person sentence-starter
you           pronoun sentence-starter

# The speaker's own side
me            first-person object-pronoun
us            first-person object-pronoun
my            first-person determiner sentence-starter
our           first-person determiner sentence-starter
ours          first-person
mine          first-person
myself        first-person
ourselves     first-person

# Object pronouns
him           object-pronoun
her           object-pronoun determiner sentence-starter
them          object-pronoun
whom          object-pronoun relative clause-word

# Indefinite speakers
someone       indefinite
somebody      indefinite
everyone      indefinite
everybody     indefinite
anyone        indefinite
anybody       indefinite
one           indefinite quantifier share
another       indefinite determiner quantifier
many          indefinite determiner sentence-starter share
most          indefinite sentence-starter share
some          indefinite determiner sentence-starter share
several       indefinite determiner quantifier share
few           indefinite share
others        indefinite
both          indefinite determiner sentence-starter share
all           indefinite determiner share
each          indefinite determiner sentence-starter share

# Determiners
the           determiner sentence-starter name-inner name-glue title-minor
a             determiner sentence-starter title-minor
an            determiner sentence-starter title-minor
this          determiner demonstrative sentence-starter not-a-name time
that          determiner demonstrative relative clause-word sentence-starter not-a-name
these         determiner demonstrative sentence-starter not-a-name
those         determiner demonstrative sentence-starter not-a-name
his           determiner sentence-starter
its           determiner sentence-starter not-a-name
their         determiner sentence-starter
your          determiner
every         determiner not-a-name
any           determiner
no            determiner negation not-a-name

# Quantifiers
two           quantifier share
three         quantifier share

# Prepositions
in            preposition sentence-starter setting title-minor
on            preposition sentence-starter setting title-minor
at            preposition sentence-starter setting title-minor approximator
with          preposition title-minor
from          preposition
by            preposition title-minor
for           preposition name-glue title-minor
of            preposition name-connector name-inner name-glue title-minor
to            preposition title-minor
into          preposition
onto          preposition
over          preposition title-minor approximator
under         preposition approximator
after         preposition sentence-starter setting
before        preposition sentence-starter setting
during        preposition setting
since         preposition adverb before-verb setting
until         preposition setting
till          preposition
about         preposition approximator
against       preposition
among         preposition
amongst       preposition
between       preposition
through       preposition
throughout    preposition setting
without       preposition
within        preposition setting
across        preposition
behind        preposition
beyond        preposition
near          preposition
per           preposition
via           preposition
like          preposition
unlike        preposition
as            preposition clause-conjunction sentence-starter
than          preposition conjunction approximator
upon          preposition
toward        preposition
towards       preposition
around        preposition approximator
along         preposition
amid          preposition
amidst        preposition
despite       preposition
following     preposition setting
including     preposition
regarding     preposition
concerning    preposition
outside       preposition
inside        preposition
off           preposition
out           preposition
up            preposition
down          preposition

# Conjunctions
and           conjunction clause-conjunction clause-word sentence-adverb opening-word sentence-starter name-glue title-minor
or            conjunction clause-word sentence-starter title-minor
but           conjunction clause-conjunction clause-word sentence-adverb opening-word sentence-starter
nor           conjunction negation
so            conjunction clause-conjunction sentence-adverb opening-word sentence-starter
yet           conjunction sentence-adverb opening-word sentence-starter
because       conjunction clause-conjunction clause-word
although      conjunction clause-conjunction sentence-starter
though        conjunction clause-conjunction
while         conjunction clause-conjunction clause-word sentence-starter setting
whereas       conjunction clause-conjunction
if            conjunction complementizer clause-word sentence-starter
when          conjunction complementizer clause-word sentence-starter setting
whenever      conjunction
where         conjunction complementizer sentence-starter
wherever      conjunction
whether       conjunction complementizer
once          conjunction adverb before-verb time
unless        conjunction
then          conjunction adverb before-verb sentence-adverb opening-word sentence-starter name-inner

# Relatives and question words
which         relative clause-word
who           relative complementizer clause-word sentence-starter
whose         relative
what          relative complementizer sentence-starter
how           relative complementizer sentence-starter
why           relative complementizer sentence-starter

# Auxiliaries
is            auxiliary be clause-word common-verb
are           auxiliary be clause-word common-verb
was           auxiliary be clause-word common-verb
were          auxiliary be clause-word common-verb
be            auxiliary be clause-word
been          auxiliary be clause-word common-verb
being         auxiliary be clause-word
am            auxiliary be clause-word
has           auxiliary clause-word before-verb common-verb
have          auxiliary clause-word before-verb common-verb
had           auxiliary clause-word before-verb common-verb
having        auxiliary
do            auxiliary clause-word before-verb common-verb
does          auxiliary clause-word before-verb common-verb
did           auxiliary clause-word before-verb common-verb
will          auxiliary clause-word before-verb common-verb
would         auxiliary clause-word before-verb common-verb
can           auxiliary clause-word before-verb common-verb
could         auxiliary clause-word before-verb common-verb
shall         auxiliary clause-word
should        auxiliary clause-word before-verb common-verb
may           auxiliary clause-word before-verb month common-verb
might         auxiliary clause-word before-verb common-verb
must          auxiliary clause-word before-verb common-verb

# Negations
not           negation clause-word
never         negation clause-word before-verb
none          negation not-a-name share
nothing       negation not-a-name
neither       negation
cannot        negation

# Adverbs between a subject and its verb
also          adverb before-verb sentence-adverb opening-word sentence-starter time name-inner
later         adverb before-verb sentence-adverb not-a-name time name-inner
again         adverb before-verb time name-inner
previously    adverb before-verb time
recently      adverb before-verb time
still         adverb before-verb sentence-adverb opening-word sentence-starter
repeatedly    adverb before-verb time
just          adverb before-verb approximator
only          adverb before-verb approximator
even          adverb before-verb
further       adverb before-verb
earlier       adverb before-verb sentence-adverb not-a-name time
already       adverb before-verb
frequently    adverb before-verb
often         adverb before-verb
quickly       adverb before-verb
immediately   adverb before-verb
soon          adverb before-verb
separately    adverb before-verb time
simply        adverb before-verb
flatly        adverb before-verb
bluntly       adverb before-verb
angrily       adverb before-verb
firmly        adverb before-verb
openly        adverb before-verb
publicly      adverb before-verb time
privately     adverb before-verb time
reportedly    adverb before-verb
allegedly     adverb before-verb
apparently    adverb before-verb
subsequently  adverb before-verb
initially     adverb before-verb
originally    adverb before-verb
finally       adverb before-verb
ultimately    adverb before-verb
eventually    adverb before-verb
meanwhile     adverb before-verb sentence-adverb sentence-starter not-a-name
however       adverb sentence-adverb sentence-starter
too           adverb before-verb
twice         adverb before-verb
long          adverb before-verb
first         adverb before-verb time
last          adverb before-verb not-a-name time
yesterday     adverb before-verb sentence-adverb not-a-name time
today         adverb before-verb sentence-adverb not-a-name time
tonight       adverb before-verb sentence-adverb not-a-name time
now           adverb before-verb sentence-adverb sentence-starter
ago           adverb before-verb time

# Other words between a subject and its verb
ever          before-verb
always        before-verb

# Sentence adverbs
instead       sentence-adverb
indeed        sentence-adverb
moreover      sentence-adverb
furthermore   sentence-adverb
nevertheless  sentence-adverb
nonetheless   sentence-adverb
besides       sentence-adverb
otherwise     sentence-adverb
thus          sentence-adverb
hence         sentence-adverb
rather        sentence-adverb

# Sentence starters
there         sentence-starter not-a-name
according     sentence-starter

# Capitalised openers that are never names
said          not-a-name
says          not-a-name
well          not-a-name
yes           not-a-name
oh            not-a-name
okay          not-a-name
ok            not-a-name
please        not-a-name
look          not-a-name common-verb
here          not-a-name
minutes       not-a-name
hours         not-a-name
days          not-a-name time
weeks         not-a-name time
months        not-a-name time
years         not-a-name time
moments       not-a-name
seconds       not-a-name
decades       not-a-name
next          not-a-name time
tomorrow      not-a-name time
# Common nouns that open news sentences ("Research conducted by …", "Figures show …")
research      not-a-name
regulations   not-a-name
figures       not-a-name
data          not-a-name
statistics    not-a-name
evidence      not-a-name
analysis      not-a-name
studies       not-a-name
documents     not-a-name
rules         not-a-name
guidance      not-a-name
late          not-a-name

# Weekdays
monday        weekday
tuesday       weekday
wednesday     weekday
thursday      weekday
friday        weekday
saturday      weekday
sunday        weekday
mon           weekday
tue           weekday
tues          weekday
wed           weekday
thu           weekday
thur          weekday
thurs         weekday
fri           weekday
sat           weekday
sun           weekday

# Months
january       month
february      month
march         month
april         month
june          month
july          month
august        month
september     month
october       month
november      month
december      month
jan           month
feb           month
mar           month
apr           month
jun           month
jul           month
aug           month
sep           month
sept          month
oct           month
nov           month
dec           month

# Time words
week          time
weekend       time
month         time
year          time
morning       time
afternoon     time
evening       time
night         time
day           time

# Frequent verb forms
gave          common-verb
took          common-verb
made          common-verb
came          common-verb
went          common-verb
got           common-verb
saw           common-verb
knew          common-verb
found         common-verb
became        common-verb
began         common-verb
kept          common-verb
left          common-verb
led           common-verb
held          common-verb
brought       common-verb
bought        common-verb
sent          common-verb
spent         common-verb
won           common-verb
lost          common-verb
paid          common-verb
set           common-verb
cut           common-verb
hit           common-verb
met           common-verb
ran           common-verb
rose          common-verb
fell          common-verb
grew          common-verb
drew          common-verb
felt          common-verb
meant         common-verb
sold          common-verb
stood         common-verb
understood    common-verb
wore          common-verb
gives         common-verb
takes         common-verb
makes         common-verb
comes         common-verb
goes          common-verb
gets          common-verb
sees          common-verb
knows         common-verb
finds         common-verb
becomes       common-verb
begins        common-verb
keeps         common-verb
leads         common-verb
holds         common-verb
brings        common-verb
buys          common-verb
sends         common-verb
spends        common-verb
wins          common-verb
loses         common-verb
pays          common-verb
sets          common-verb
cuts          common-verb
hits          common-verb
meets         common-verb
runs          common-verb
rises         common-verb
falls         common-verb
grows         common-verb
draws         common-verb
feels         common-verb
means         common-verb
sells         common-verb
stands        common-verb
follows       common-verb
remains       common-verb
seems         common-verb
appears       common-verb
looks         common-verb
shows         common-verb
needs         common-verb
wants         common-verb
tries         common-verb
uses          common-verb
works         common-verb
plans         common-verb
hopes         common-verb
expects       common-verb
faces         common-verb
includes      common-verb
involves      common-verb
requires      common-verb
allows        common-verb
helps         common-verb
offers        common-verb
provides      common-verb
raises        common-verb
reaches       common-verb
lies          common-verb
lives         common-verb
moves         common-verb
opens         common-verb
owns          common-verb
gone          common-verb
done          common-verb
seen          common-verb
taken         common-verb
given         common-verb
known         common-verb
shown         common-verb
grown         common-verb
give          common-verb
take          common-verb
make          common-verb
come          common-verb
go            common-verb
get           common-verb
see           common-verb
know          common-verb
find          common-verb
become        common-verb
begin         common-verb
keep          common-verb
lead          common-verb
hold          common-verb
bring         common-verb
buy           common-verb
send          common-verb
spend         common-verb
win           common-verb
lose          common-verb
pay           common-verb
run           common-verb
rise          common-verb
fall          common-verb
grow          common-verb
feel          common-verb
mean          common-verb
sell          common-verb
stand         common-verb
follow        common-verb
remain        common-verb
seem          common-verb
appear        common-verb
show          common-verb
need          common-verb
want          common-verb
try           common-verb
use           common-verb
work          common-verb
hope          common-verb
expect        common-verb
face          common-verb
include       common-verb
involve       common-verb
require       common-verb
allow         common-verb
help          common-verb
offer         common-verb
provide       common-verb
raise         common-verb
reach         common-verb
live          common-verb
move          common-verb
open          common-verb
own           common-verb

# Name connectors
de            name-connector name-inner name-glue
da            name-connector
del           name-connector
della         name-connector
der           name-connector
van           name-connector name-inner
von           name-connector name-inner
bin           name-connector
ibn           name-connector
al            name-connector name-inner
el            name-connector
le            name-connector
la            name-connector
du            name-connector
st.           name-connector
st            name-connector

# Words inside names and titles
's            name-inner name-glue contraction
'             name-inner

# Shares of a group, the speaker of a poll's finding ("half of voters say", "six in 10 say")
percent       share
half          share
third         share
thirds        share
quarter       share
quarters      share
three-quarters  share
two-thirds    share
majority      share
majorities    share
plurality     share
minority      share
four          share
five          share
six           share
seven         share
eight         share
nine          share
ten           share
dozens        share
hundreds      share
thousands     share

# Words before a share ("about half", "more than 4 in 10", "at least a third")
nearly        approximator
almost        approximator
roughly       approximator
more          approximator
less          approximator
fewer         approximator
least         approximator

# Adjectives that open a modifier after a source ("people familiar with the talks")
familiar      post-modifier
close         post-modifier
knowledgeable  post-modifier
privy         post-modifier
aware         post-modifier
involved      post-modifier
briefed       post-modifier

# Verb endings contracted onto a pronoun ("he'd", "they're"): "said he'd support …" is a clause
'd            contraction
'll           contraction
're           contraction
've           contraction
'm            contraction

# Words inside organisation names
&             name-glue
`;
