/**
 * Cue verbs: the verbs that attribute words to a speaker ("said", "denied",
 * "called it"), the forms of them that behave differently, and the other
 * words of an attribution.
 */

/**
 * One row per verb.
 *
 *   lemma  the verb's base form
 *   class  speech  reports what someone said ("say", "warn", "ask")
 *          denial  reports a denial ("deny", "dismiss")
 *          naming  reports what someone called something ("call", "describe")
 *   flags  none (-) or any of:
 *          bare-clause   may introduce a clause without "that" ("said China has never …")
 *          takes-object  its plain object is what is reported ("dismissed the claim")
 *          dismissal     a denial verb aimed at a claim ("rejected the allegations")
 *          accusing      makes a claim others may deny ("alleged", "accused"): what a denial answers
 *          takes-infinitive  reports a commitment or request as "to" and a verb ("vowed to repeal
 *                        the law", "pledged to work with both parties")
 *   forms  every form, only when they are not the regular ones (lemma, -s, -ed, -ing:
 *          "add adds added adding", "argue argues argued arguing", "wish wishes …")
 */
export const CUE_VERBS = `
# lemma         class    flags                                 forms (all of them, only when not lemma, -s, -ed, -ing)

# Speech verbs that may introduce a clause without "that" ("said China has never …")
say             speech   bare-clause                           say said says saying
tell            speech   bare-clause                           tell told tells telling
add             speech   bare-clause
claim           speech   bare-clause accusing
argue           speech   bare-clause
insist          speech   bare-clause
explain         speech   bare-clause
declare         speech   bare-clause
announce        speech   bare-clause takes-object
warn            speech   bare-clause accusing takes-object
write           speech   bare-clause                           write wrote writes writing written
tweet           speech   bare-clause
note            speech   bare-clause
state           speech   bare-clause
stress          speech   bare-clause
emphasize       speech   bare-clause
emphasise       speech   bare-clause
maintain        speech   bare-clause
contend         speech   bare-clause
assert          speech   bare-clause
allege          speech   bare-clause accusing
predict         speech   bare-clause takes-object
reckon          speech   bare-clause
acknowledge     speech   bare-clause
admit           speech   bare-clause                           admit admitted admits admitting
concede         speech   bare-clause
confirm         speech   bare-clause
reiterate       speech   bare-clause
repeat          speech   bare-clause
reply           speech   bare-clause                           replied replies replying
respond         speech   bare-clause
retort          speech   bare-clause
counter         speech   bare-clause
testify         speech   bare-clause                           testified testifies testifying
report          speech   bare-clause accusing
reveal          speech   bare-clause
disclose        speech   bare-clause
recall          speech   bare-clause
recount         speech   bare-clause
suggest         speech   bare-clause accusing
observe         speech   bare-clause
remark          speech   bare-clause
comment         speech   bare-clause
complain        speech   bare-clause
lament          speech   bare-clause
boast           speech   bare-clause
brag            speech   bare-clause
joke            speech   bare-clause
quip            speech   bare-clause                           quipped quips quipping
muse            speech   bare-clause
caution         speech   bare-clause
promise         speech   bare-clause takes-infinitive takes-object
vow             speech   bare-clause takes-infinitive takes-object
pledge          speech   bare-clause takes-infinitive takes-object
swear           speech   bare-clause takes-infinitive                           swore swears sworn
conclude        speech   bare-clause
continue        speech   bare-clause
answer          speech   bare-clause
agree           speech   bare-clause takes-infinitive
point           speech   bare-clause
indicate        speech   bare-clause
imply           speech   bare-clause
hint            speech   bare-clause
signal          speech   bare-clause                           signaled signalled signals signaling signalling
remember        speech   bare-clause
reflect         speech   bare-clause
estimate        speech   bare-clause
forecast        speech   bare-clause                           forecast forecasts forecasting
believe         speech   bare-clause
think           speech   bare-clause                           thought
charge          speech   bare-clause accusing
accuse          speech   bare-clause accusing takes-object
guess           speech   bare-clause
figure          speech   bare-clause
speculate       speech   bare-clause
wonder          speech   bare-clause
reason          speech   bare-clause
proclaim        speech   bare-clause
mention         speech   bare-clause
posit           speech   bare-clause
hypothesize     speech   bare-clause
theorize        speech   bare-clause
opine           speech   bare-clause

# Speech verbs that need "that", a colon or a quote
ask             speech   -
shout           speech   -
yell            speech   -
chant           speech   -
cry             speech   -                                     cried cries crying
exclaim         speech   -
whisper         speech   -
murmur          speech   -
scream          speech   -
plead           speech   takes-object takes-infinitive                          pleaded pled pleads pleading
beg             speech   takes-infinitive
urge            speech   takes-object
demand          speech   takes-object takes-infinitive
question        speech   -
query           speech   -
snap            speech   -                                     snapped snaps
scoff           speech   -
sneer           speech   -
fume            speech   -
thunder         speech   -
grumble         speech   -
mutter          speech   -
protest         speech   -
interject       speech   -
sing            speech   -                                     sang sings
read            speech   -                                     read reads
post            speech   -
retweet         speech   -                                     retweeted retweets retweeting
blast           speech   takes-object
slam            speech   takes-object
criticize       speech   takes-object accusing
criticise       speech   takes-object accusing
condemn         speech   takes-object accusing
praise          speech   takes-object
hail            speech   takes-object
underscore      speech   -                                     underscored underscores underscoring
thank           speech   takes-object
apologize       speech   -
apologise       speech   -
chide           speech   takes-object
scold           speech   takes-object
lash            speech   takes-object
mock            speech   takes-object
ridicule        speech   takes-object
tout            speech   takes-object
concur          speech   -
cite            speech   takes-object
recommend       speech   -
advise          speech   -
inform          speech   -
assure          speech   -
remind          speech   -
reassure        speech   -
notify          speech   -
brief           speech   -
echo            speech   -                                     echoed echoes echoing

# Denial verbs
deny            denial   takes-object                          deny denied denies denying
dismiss         denial   takes-object dismissal
reject          denial   takes-object dismissal
refute          denial   takes-object dismissal
rebut           denial   takes-object dismissal                rebutted rebuts rebutting
rebuff          denial   takes-object dismissal                rebuffed rebuffs rebuffing
dispute         denial   takes-object dismissal
disavow         denial   takes-object dismissal
repudiate       denial   takes-object dismissal
downplay        denial   takes-object

# Naming verbs ("called it a hoax")
call            naming   takes-object
describe        naming   takes-object
label           naming   takes-object                          labeled labelled labels labeling labelling
dub             naming   takes-object                          dubbed dubs dubbing
brand           naming   takes-object
term            naming   takes-object
characterize    naming   takes-object
characterise    naming   takes-object
`;

/**
 * Single forms of the verbs above that behave unlike the rest of their verb.
 *
 *   form   a form of a verb listed above
 *   flags  one or both of:
 *          takes-recipient  its first object is the person spoken to ("told reporters that …")
 *          noisy            more often a noun or adjective ("report", "states"): it needs a quote
 *                           or "that" to count, and never introduces a bare clause
 */
export const CUE_FORMS = `
# form          flags

# Forms that take the person spoken to before their content ("told reporters that")
told            takes-recipient
tells           takes-recipient
telling         takes-recipient
tell            takes-recipient
warn            takes-recipient
warns           takes-recipient
warned          takes-recipient
ask             takes-recipient
asks            takes-recipient
asked           takes-recipient
asking          takes-recipient
urge            takes-recipient
urges           takes-recipient
urged           takes-recipient
advise          takes-recipient
advised         takes-recipient
inform          takes-recipient
informs         takes-recipient
informed        takes-recipient
assure          takes-recipient
assures         takes-recipient
assured         takes-recipient
remind          takes-recipient
reminds         takes-recipient
reminded        takes-recipient
reassure        takes-recipient
reassured       takes-recipient
notify          takes-recipient
briefed         takes-recipient

# Forms more often nouns or adjectives than verbs ("report", "state"): they need stronger evidence
tweets          noisy
tweet           noisy
note            noisy
notes           noisy
state           noisy
states          noisy
replies         noisy
counter         noisy
counters        noisy
report          noisy
reports         noisy
remark          noisy
remarks         noisy
comment         noisy
comments        noisy
boast           noisy
boasts          noisy
joke            noisy
jokes           noisy
promise         noisy
promises        noisy
vow             noisy
vows            noisy
pledge          noisy
pledges         noisy
continue        noisy
answer          noisy
answers         noisy
point           noisy
points          noisy
hint            noisy
hints           noisy
signals         noisy
estimate        noisy
estimates       noisy
forecast        noisy
forecasts       noisy
believe         noisy
believes        noisy
believing       noisy
thought         noisy
charge          noisy
charges         noisy
guess           noisy
figure          noisy
figures         noisy
mention         noisy
cries           noisy
demand          noisy
demands         noisy
question        noisy
questions       noisy
query           noisy
protest         noisy
protests        noisy
read            noisy
post            noisy
posts           noisy
praise          noisy
hail            noisy
thank           noisy
thanks          noisy
brief           noisy takes-recipient
briefs          noisy
call            noisy
calls           noisy
labels          noisy
`;

/**
 * Other words of an attribution.
 *
 *   form     the word in lower case
 *   classes  one or more of:
 *     light-verb  makes a statement noun a cue ("made a statement that", "issued a declaration that")
 *     statement   a noun that a light verb turns into a cue
 *     audience    the people spoken to, skipped before the content ("told reporters")
 */
export const CUE_WORDS = `
# form        classes

# Light verbs
made          light-verb
make          light-verb
makes         light-verb
making        light-verb
issued        light-verb
issue         light-verb
issues        light-verb
released      light-verb
release       light-verb
releases      light-verb
put           light-verb

# Statement nouns
statement     statement
announcement  statement
claim         statement
declaration   statement
remarks       statement
assertion     statement

# Phrasal dismissals: a dismissal verb, then a particle ("played down reports", "shrugged off claims")
played        dismissal-verb
plays         dismissal-verb
playing       dismissal-verb
play          dismissal-verb
shrugged      dismissal-verb
shrugs        dismissal-verb
shrugging     dismissal-verb
brushed       dismissal-verb
brushes       dismissal-verb
brushing      dismissal-verb
laughed       dismissal-verb
laughs        dismissal-verb
laughing      dismissal-verb
down          dismissal-particle
off           dismissal-particle
aside         dismissal-particle

# Nouns naming a denial, its owner the speaker ("Syria's denials that …")
denial        denial-noun
denials       denial-noun
rejection     denial-noun
dismissal     denial-noun

# Words that hand the sentence's subject to a cue after "to" ("was forced to deny", "was quick to dismiss")
forced        control
quick         control
moved         control
sought        control
rushed        control
keen          control
swift         control
eager         control
anxious       control
hastened      control
pains         control
careful       control
obliged       control
compelled     control

# Audiences
reporters     audience
journalists   audience
supporters    audience
lawmakers     audience
voters        audience
students      audience
the           audience
crowd         audience
audience      audience
members       audience
`;
