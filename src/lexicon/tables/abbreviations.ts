/**
 * Abbreviations that keep their period ("Mr.", "Corp."): the tokenizer keeps
 * the period with the word, and the sentence splitter knows whether the word
 * can end a sentence.
 *
 *   form   the abbreviation in lower case, without its period
 *   class  never-ends-sentence  a title or name part: a name always follows ("Mr.", "St.")
 *          may-end-sentence     may also end a sentence ("Inc.", "etc.", "Jan.")
 *
 * The corpus segmenter has shorter lists of its own (src/corpus/segment.ts):
 * using them here lowers PolNeAR dev indirect recall (472 → 470 found), so
 * the two are kept apart.
 */
export const ABBREVIATIONS = `
# form  class

# Before a name: never the end of a sentence
mr      never-ends-sentence
mrs     never-ends-sentence
ms      never-ends-sentence
dr      never-ends-sentence
sen     never-ends-sentence
rep     never-ends-sentence
gov     never-ends-sentence
gen     never-ends-sentence
lt      never-ends-sentence
col     never-ends-sentence
sgt     never-ends-sentence
capt    never-ends-sentence
cmdr    never-ends-sentence
adm     never-ends-sentence
maj     never-ends-sentence
prof    never-ends-sentence
rev     never-ends-sentence
st      never-ends-sentence
jr      never-ends-sentence
sr      never-ends-sentence
fr      never-ends-sentence
pres    never-ends-sentence
supt    never-ends-sentence
messrs  never-ends-sentence
mt      never-ends-sentence
ft      never-ends-sentence
hon     never-ends-sentence
amb     never-ends-sentence
sec     never-ends-sentence
atty    never-ends-sentence
lt.col  never-ends-sentence
brig    never-ends-sentence
cpl     never-ends-sentence
pvt     never-ends-sentence

# May end a sentence
inc     may-end-sentence
corp    may-end-sentence
co      may-end-sentence
ltd     may-end-sentence
bros    may-end-sentence
vs      may-end-sentence
etc     may-end-sentence
no      may-end-sentence
nos     may-end-sentence
jan     may-end-sentence
feb     may-end-sentence
mar     may-end-sentence
apr     may-end-sentence
jun     may-end-sentence
jul     may-end-sentence
aug     may-end-sentence
sep     may-end-sentence
sept    may-end-sentence
oct     may-end-sentence
nov     may-end-sentence
dec     may-end-sentence
ave     may-end-sentence
blvd    may-end-sentence
dept    may-end-sentence
univ    may-end-sentence
approx  may-end-sentence
est     may-end-sentence
fig     may-end-sentence
op      may-end-sentence
vol     may-end-sentence
ala     may-end-sentence
ariz    may-end-sentence
ark     may-end-sentence
calif   may-end-sentence
colo    may-end-sentence
conn    may-end-sentence
del     may-end-sentence
fla     may-end-sentence
ga      may-end-sentence
ill     may-end-sentence
ind     may-end-sentence
kan     may-end-sentence
ky      may-end-sentence
la      may-end-sentence
md      may-end-sentence
mass    may-end-sentence
mich    may-end-sentence
minn    may-end-sentence
miss    may-end-sentence
mo      may-end-sentence
mont    may-end-sentence
neb     may-end-sentence
nev     may-end-sentence
okla    may-end-sentence
ore     may-end-sentence
pa      may-end-sentence
penn    may-end-sentence
tenn    may-end-sentence
tex     may-end-sentence
vt      may-end-sentence
va      may-end-sentence
wash    may-end-sentence
wis     may-end-sentence
wyo     may-end-sentence
`;
