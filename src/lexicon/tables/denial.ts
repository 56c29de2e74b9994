/**
 * Denial wording: the words that make a statement a denial ("groundless",
 * "dismissed the claims", "has never interfered") and those that keep one
 * from being one ("denied them entry"). One row per word, with every class it
 * is in.
 *
 *   form     the word in lower case ("did_not" is "did not" read as one word)
 *   classes  one or more of:
 *     strong                 denies whatever it describes ("groundless", "fabricated")
 *     weak                   denies only when aimed at a claim ("that is nonsense")
 *     falsehood              calls a claim false ("false", "misleading")
 *     conduct                a deed or intent a side denies ("interfere", "involvement")
 *     claim                  a noun that carries a claim ("allegations", "reports")
 *     strong-claim           a claim proper, in "should not make such claims"
 *     accusation             what one denies besides claims ("wrongdoing", "it")
 *     criticism              criticism one dismisses as one dismisses a claim ("critics")
 *     refusal-object         after "denied", makes it a refusal ("denied them entry")
 *     intention              an intention: conduct only when what is intended is ("plans to")
 *     deny-form              a form of "deny": the speaker's only when "I"/"we" deny
 *     negator                negates what follows ("not", "never")
 *     past-negation          "never", "didn't": with "said", denies a quote
 *     focus                  after "not", focus rather than negation ("not just")
 *     speech                 "said", "told": "never said that"
 *     claim-verb             makes or accepts a claim ("make such accusations")
 *     possessive             "denied his involvement"
 *     copula                 "the claims are false", "that's nonsense"
 *     demonstrative-subject  "that is nonsense", "this is false"
 *     trait                  what one is accused of being, denied by negating it ("not racist", "not guilty")
 *     scandal                what one is said to have had, denied by "no …" ("no deal", "no split", "no truth")
 *     misrepresentation      says a claim twists the truth ("misrepresented", "out of context", "speculation")
 *     ignorance              denies knowing ("unaware")
 *     innocence              asserts innocence ("innocent")
 *     rebuttal-cue           a cue lemma that, with a negation in what it reports, is a denial ("insisted he did not")
 *     reproach               says someone is wrong ("wrong" in "you are wrong", "wrong to suggest")
 *     proposal               something proposed or asked for: rejecting it is no denial ("rejected calls for …")
 *     claiming-verb          a verb of claiming, in "wrong to suggest"
 *     claim-maker            who is told they are wrong ("you are wrong", "critics are wrong")
 *     speculation-kind       before "speculation", calls a report speculation ("idle speculation", "as speculation")
 *     past-state             an auxiliary or copula of a past fact ("had", "was"): what one insists on of one's own side
 *     condemnation           a weak word that condemns more often than it denies ("outrageous"): a denial
 *                            only of an allegation or accusation ("these outrageous allegations")
 *     lie                    what one accuses the other side of when one denies its claims ("accused them of lying")
 *     not-a-fact             before or after a negation, makes it advice or a resolve ("would not", "should not")
 *     needs-that             a claim only when "that" follows ("rejected the idea that …", not "the idea of a tax")
 *     hearsay                a claim as others made it, after "as": "not … as claimed", "no casinos, as rumoured"
 *     commitment-cue         a cue lemma of a promise ("pledged", "vowed"): what it reports looks ahead, never a denial
 *     motive                 what someone meant by a deed: "the aim was not to …", "not an attempt to …"
 *     hedge                  "I don't think he was … racist": the negation reaches past it and its clause's subject
 *     equating               says what a thing amounts to: negated, it denies a charge ("does not amount to a ban")
 *     advice                 a modal of advice or duty: a negation after it is advice, not a rebuttal
 *                            ("insisted he should stay and not apologise")
 */
export const DENIAL = `
# form           classes

# Words that deny whatever they describe
groundless       strong
baseless         strong
unfounded        strong
unsubstantiated  strong
untrue           strong falsehood
fabricated       strong
fabrication      strong
fabrications     strong
slanderous       strong
libelous         strong
libellous        strong
defamatory       strong
falsehood        strong
falsehoods       strong
slander          strong
libel            strong
hoax             strong
deny             strong deny-form
denies           strong deny-form
denied           strong deny-form
denying          strong deny-form
refute           strong
refutes          strong
refuted          strong
rebut            strong
rebuts           strong
rebutted         strong

# Words that deny only when aimed at a claim
nonsense         weak
absurd           weak
ridiculous       weak
preposterous     weak
ludicrous        weak
outrageous       weak condemnation
unfair           weak condemnation
unjustified      weak condemnation
disgraceful      weak condemnation
smear            weak lie
smears           weak lie
lie              weak lie
lies             weak lie
fiction          weak
disinformation   weak
misinformation   weak
rubbish          weak
propaganda       weak
hysteria         weak
witch-hunt       weak

# Falsehood
false            falsehood
fake             falsehood
inaccurate       falsehood
incorrect        falsehood
misleading       falsehood
bogus            falsehood

# Conduct a side denies
interfere        conduct
interfered       conduct
interfering      conduct
interference     conduct scandal
interferes       conduct
meddle           conduct
meddled          conduct
meddling         conduct scandal
meddles          conduct
involve          conduct
involved         conduct
involvement      conduct accusation scandal
hack             conduct
hacked           conduct
hacking          conduct scandal
attack           conduct claim criticism
attacked         conduct
attacking        conduct
spy              conduct
spied            conduct
spying           conduct
collude          conduct
colluded         conduct
collusion        conduct scandal
conspire         conduct
conspired        conduct
coordinate       conduct
coordinated      conduct
coordinating     conduct
participate      conduct
participated     conduct
plot             conduct
plotted          conduct
sponsor          conduct
sponsored        conduct
responsible      conduct
responsibility   conduct accusation
behind           conduct
role             conduct criticism scandal
interest         conduct
interests        conduct
intention        conduct intention motive
intentions       conduct intention motive
intend           conduct intention
intends          conduct intention
intended         conduct intention
plan             conduct intention
plans            conduct intention
planned          conduct intention
connection       conduct scandal
connections      conduct scandal
link             conduct
links            conduct criticism scandal
linked           conduct
ties             conduct criticism scandal
tied             conduct
contact          conduct
contacts         conduct scandal
wrongdoing       conduct accusation scandal
illegal          conduct
illegally        conduct
violate          conduct
violated         conduct
violating        conduct
lied             conduct lie
lying            conduct lie
mislead          conduct
misled           conduct
cheat            conduct
cheated          conduct
steal            conduct
stole            conduct
leak             conduct
leaked           conduct
bribe            conduct
bribed           conduct
threaten         conduct
threatened       conduct
target           conduct
targeted         conduct
authorize        conduct
authorized       conduct
aware            conduct
knowledge        conduct accusation

# Claims
claim            claim strong-claim claiming-verb hearsay
claims           claim strong-claim accusation claim-maker hearsay
allegation       claim strong-claim
allegations      claim strong-claim accusation claim-maker
accusation       claim strong-claim
accusations      claim strong-claim accusation
charge           claim strong-claim
charges          claim strong-claim accusation
report           claim
reports          claim accusation claim-maker
suggestion       claim
suggestions      claim accusation claim-maker
assertion        claim
assertions       claim
notion           claim needs-that
idea             claim needs-that
story            claim
stories          claim
rumor            claim
rumors           claim accusation
rumour           claim
rumours          claim accusation
speculation      claim
criticism        claim criticism
criticisms       claim criticism
fears            claim criticism
talk             claim
jibe             claim criticism
jibes            claim criticism
impression       claim
picture          claim needs-that
view             claim needs-that
views            claim needs-that
perception       claim
statement        claim
statements       claim
warning          claim
warnings         claim
finding          claim
findings         claim
conclusion       claim
conclusions      claim
assessment       claim
assessments      claim
theory           claim
theories         claim
narrative        claim
narratives       claim
insinuation      claim criticism
insinuations     claim criticism
complaint        claim
complaints       claim
demand           proposal
demands          proposal

# What one denies besides claims
fraud            accusation
corruption       accusation
guilt            accusation
it               accusation demonstrative-subject
this             accusation demonstrative-subject
everything       accusation
anything         accusation

# Criticism
implication      criticism
implications     criticism
argument         criticism
arguments        criticism
critique         criticism
critiques        criticism
critics          criticism claim-maker
concerns         criticism
attacks          claim criticism

# Refusals ("denied them entry")
him              refusal-object
her              refusal-object possessive
them             refusal-object
me               refusal-object
us               refusal-object
access           refusal-object
entry            refusal-object
permission       refusal-object
bail             refusal-object
application      refusal-object
visa             refusal-object
status           refusal-object
admission        refusal-object
licence          refusal-object
license          refusal-object

# Negators
not              negator
never            negator past-negation
no               negator
nothing          negator
none             negator
cannot           negator
neither          negator
nobody           negator

# Past negations
didn't           past-negation
did_not          past-negation
haven't          past-negation
hasn't           past-negation
have_not         past-negation
has_not          past-negation
had_not          past-negation

# Focus, not negation ("not just", "not enough": a measure, not a denial)
just             focus
enough           focus
only             focus
merely           focus
simply           focus
least            focus

# Saying
say              speech claiming-verb
said             speech
tell             speech
told             speech

# Verbs of making a claim
make             claim-verb
makes            claim-verb
making           claim-verb
made             claim-verb
accept           claim-verb
accepts          claim-verb
believes         claim-verb
support          claim-verb
supports         claim-verb

# Possessives
his              possessive
their            possessive
its              possessive
my               possessive
our              possessive

# What one is accused of being: "not racist", "not guilty"
racist           trait
racists          trait
sexist           trait
anti-semitic     trait
antisemitic      trait
guilty           trait
biased           trait
corrupt          trait
partisan         trait
intimidatory     trait
deliberate       trait
split            trait scandal
divided          trait
wasted           trait
anti-islamic     trait
anti-labour      trait
anti-party       trait

# What one is said to have had: "no deal", "no split", "no truth in it"
deal             scandal
deals            scandal
rift             scandal
row              scandal
rows             scandal
splits           scandal
snub             scandal
conspiracy       scandal
cover-up         scandal
truth            scandal
foundation       scandal
basis            scandal
evidence         scandal
question         scandal
confusion        scandal
violence         scandal
invasion         scandal
secret           scandal

# Says a claim twists the truth
misrepresent     misrepresentation
misrepresents    misrepresentation
misrepresented   misrepresentation
misrepresenting  misrepresentation
misrepresentation  misrepresentation
distorted        misrepresentation
distortion       misrepresentation
distorting       misrepresentation
scaremongering   misrepresentation
myth             misrepresentation
myths            misrepresentation
scurrilous       misrepresentation
mischievous      misrepresentation
malicious        misrepresentation
tittle-tattle    misrepresentation
gossip           misrepresentation

# Proposals: rejecting one is no denial ("rejected calls for an inquiry")
calls            proposal
call             proposal
proposal         proposal
proposals        proposal
bid              proposal
offer            proposal
appeal           proposal
appeals          proposal
plea             proposal
pleas            proposal
request          refusal-object proposal

# Words before "speculation" that call a report speculation ("idle speculation", "dismissed as speculation"),
# and auxiliaries of a past state ("he had been involved")
as               speculation-kind
idle             speculation-kind
pure             speculation-kind
mere             speculation-kind
wild             speculation-kind
press            speculation-kind
newspaper        speculation-kind
media            speculation-kind
had              past-state
did              past-state

# A claim as others made it: "not … as (the press) claimed", "no casinos, as rumoured"
claimed          hearsay
claiming         hearsay
suggesting       hearsay
alleging         hearsay
portraying       hearsay
suggests         hearsay
suggested        hearsay
alleges          hearsay
alleged          hearsay
reported         hearsay
rumoured         hearsay
rumored          hearsay
portrays         hearsay
portrayed        hearsay
painted          hearsay

# Knowing nothing, being innocent
unaware          ignorance
innocent         innocence

# Rebuttal cues: with a negation in what they report, a denial
insist           rebuttal-cue
maintain         rebuttal-cue

# Promises: what they report looks ahead ("pledged that no school would close")
promise          commitment-cue
pledge           commitment-cue
vow              commitment-cue

# What someone meant by a deed: "the intention was not to …", "this is not an attempt to …"
aim              motive
purpose          motive
motive           motive
attempt          motive
ploy             motive
goal             motive

# What a thing amounts to: "the rise did not amount to a cut", "the plans do not equate to a police state"
amount           equating
amounts          equating
amounted         equating
equate           equating
equates          equating
equated          equating
constitute       equating
constitutes      equating
constituted      equating

# "I don't think he was actually racist": the negation reaches the trait past these
think            hedge
believe          hedge claim-verb

# Saying someone is wrong
wrong            accusation reproach trait

# Forms of "be"
is               copula
are              copula
was              copula past-state
were             copula past-state
be               copula
been             copula past-state
being            copula
's               copula

# Demonstrative subjects
that             demonstrative-subject
these            demonstrative-subject
those            demonstrative-subject
which            demonstrative-subject


# Verbs of claiming ("wrong to suggest"), who makes claims ("you are wrong"), and words that make a negation
# advice or a resolve rather than a rebuttal ("would not resign", "should not apologise")
suggest          claiming-verb hearsay
imply            claiming-verb
portray          claiming-verb hearsay
describe         claiming-verb
characterise     claiming-verb
characterize     claiming-verb
allege           claiming-verb hearsay
you              claim-maker
they             claim-maker
opponents        claim-maker
will             not-a-fact
would            not-a-fact
shall            not-a-fact
going            not-a-fact
to               not-a-fact
won't            not-a-fact
wouldn't         not-a-fact
should           not-a-fact advice
must             not-a-fact advice
ought            not-a-fact advice
need             not-a-fact
could            not-a-fact
can              not-a-fact
may              not-a-fact
might            not-a-fact
`;
