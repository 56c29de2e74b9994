/**
 * Word lists the attribution engine reasons with. Everything here is general
 * English news vocabulary; nothing is specific to any one article.
 */

/** Builds a lower-case set from space-separated words. */
export function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

export type CueClass = 'speech' | 'denial' | 'naming' | 'nominal';

export interface CueForm {
  lemma: string;
  cls: CueClass;
  /** The form is a present participle ("saying"), which takes its subject from the main clause. */
  participle: boolean;
  /** The verb takes a person as indirect object before its content ("told reporters that"). */
  takesRecipient: boolean;
  /** The verb may introduce a bare clause without "that" ("said China has never…"). */
  bareClause: boolean;
  /** The form is more often a noun or adjective ("report", "state"): it needs stronger evidence. */
  noisy: boolean;
}

/** Irregular past forms: lemma → forms beyond the regular ones. */
const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'writes', 'writing', 'write', 'written'],
  speak: ['spoke', 'speaks', 'speak'],
  tweet: ['tweeted', 'tweets', 'tweeting', 'tweet'],
  retweet: ['retweeted', 'retweets', 'retweeting'],
  swear: ['swore', 'swears', 'sworn'],
  read: ['read', 'reads'],
  sing: ['sang', 'sings'],
  cry: ['cried', 'cries', 'crying'],
  reply: ['replied', 'replies', 'replying'],
  testify: ['testified', 'testifies', 'testifying'],
  deny: ['denied', 'denies', 'denying', 'deny'],
  admit: ['admitted', 'admits', 'admitting', 'admit'],
  quip: ['quipped', 'quips', 'quipping'],
  rebut: ['rebutted', 'rebuts', 'rebutting'],
  signal: ['signaled', 'signalled', 'signals', 'signaling', 'signalling'],
  snap: ['snapped', 'snaps'],
  plead: ['pleaded', 'pled', 'pleads', 'pleading'],
  prophesy: ['prophesied'],
  underscore: ['underscored', 'underscores', 'underscoring'],
  worry: ['worried', 'worries'],
  rebuff: ['rebuffed', 'rebuffs', 'rebuffing'],
  label: ['labeled', 'labelled', 'labels', 'labeling', 'labelling'],
  dub: ['dubbed', 'dubs', 'dubbing'],
  jot: ['jotted'],
  chat: ['chatted'],
  bet: ['bet', 'bets'],
  forecast: ['forecast', 'forecasts', 'forecasting'],
  hold: ['held', 'holds'],
  think: ['thought'],
  put: ['put', 'puts'],
  shrug: ['shrugged'],
  echo: ['echoed', 'echoes', 'echoing'],
};

/** Regular inflections: said-type irregulars are listed above. */
function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular;
  const forms = [lemma];
  const endsE = lemma.endsWith('e');
  const stem = endsE ? lemma.slice(0, -1) : lemma;
  const sibilant = /(?:s|sh|ch|x|z)$/.test(lemma);
  forms.push(sibilant ? `${lemma}es` : `${lemma}s`);
  forms.push(endsE ? `${lemma}d` : `${lemma}ed`);
  forms.push(`${stem}ing`);
  return forms;
}

/** Speech verbs that introduce a reported clause or a quote. */
const SPEECH_BARE = `say tell add claim argue insist explain declare announce warn write tweet
  note state stress emphasize emphasise maintain contend assert allege predict reckon
  acknowledge admit concede confirm reiterate repeat reply respond retort counter
  testify report reveal disclose recall recount suggest observe remark comment
  complain lament boast brag joke quip muse joke caution promise vow pledge swear
  conclude continue answer agree point explain indicate imply hint signal remember reflect
  estimate forecast believe think charge accuse guess figure speculate wonder
  reason declare proclaim mention posit hypothesize theorize opine`;

const SPEECH_CLAUSE_ONLY = `ask shout yell chant cry exclaim whisper murmur scream plead beg urge
  demand question query snap scoff sneer fume thunder grumble mutter protest interject
  sing read post retweet blast slam criticize criticise condemn praise hail
  underscore thank apologize apologise chide scold lash mock ridicule tout
  concur cite recommend advise inform assure remind reassure notify brief echo`;

const DENIAL = 'deny dismiss reject refute rebut rebuff dispute disavow repudiate downplay';

const NAMING = 'call describe label dub brand term characterize characterise';

/** Verbs whose first object is the person spoken to. */
const RECIPIENT = words(
  'tell told tells telling inform informed informs assure assured assures remind reminded reminds warn warned warns ask asked asks asking advise advised notify notified brief briefed urge urged urges reassure reassured',
);

function buildCues(): Map<string, CueForm> {
  const map = new Map<string, CueForm>();
  const add = (list: string, cls: CueClass, bareClause: boolean) => {
    for (const lemma of words(list)) {
      for (const form of inflect(lemma)) {
        if (map.has(form)) continue;
        map.set(form, {
          lemma,
          cls,
          participle: form.endsWith('ing') && form !== 'sing',
          takesRecipient: RECIPIENT.has(form),
          bareClause,
          noisy: false,
        });
      }
    }
  };
  add(SPEECH_BARE, 'speech', true);
  add(SPEECH_CLAUSE_ONLY, 'speech', false);
  add(DENIAL, 'denial', false);
  add(NAMING, 'naming', false);
  // Forms that are far more often nouns or adjectives than speech verbs.
  for (const noisy of [
    'counter',
    'counters',
    'report',
    'reports',
    'figure',
    'figures',
    'point',
    'points',
    'comment',
    'comments',
    'answer',
    'answers',
    'read',
    'post',
    'posts',
    'charge',
    'charges',
    'note',
    'notes',
    'state',
    'states',
    'signal',
    'signals',
    'hint',
    'hints',
    'question',
    'questions',
    'demand',
    'demands',
    'forecast',
    'forecasts',
    'estimate',
    'estimates',
    'guess',
    'joke',
    'jokes',
    'call',
    'calls',
    'label',
    'labels',
    'tweet',
    'tweets',
    'praise',
    'promise',
    'promises',
    'vow',
    'vows',
    'pledge',
    'pledges',
    'mention',
    'reply',
    'replies',
    'brief',
    'briefs',
    'protest',
    'protests',
    'query',
    'continue',
    'cry',
    'cries',
    'thank',
    'thanks',
    'boast',
    'boasts',
    'remark',
    'remarks',
    'hail',
    'think',
    'believe',
    'believes',
    'thinks',
    'thinking',
    'believing',
    'thought',
    'bet',
    'bets',
  ]) {
    const cue = map.get(noisy);
    if (cue) map.set(noisy, { ...cue, bareClause: false, noisy: true });
  }
  return map;
}

export const CUES: ReadonlyMap<string, CueForm> = buildCues();

export const PRONOUNS = words('he she they it we i you');
export const FIRST_PERSON = words('i we me us my our ours mine myself ourselves');

export const DETERMINERS = words(
  'the a an this that these those his her its their our my your some many several both each every another any no all',
);

export const PREPOSITIONS = words(
  'in on at with from by for of to into onto over under after before during since until till about against among amongst between through throughout without within across behind beyond near per via like unlike as than upon toward towards around along amid amidst despite following including regarding concerning outside inside off out up down',
);

export const CONJUNCTIONS = words(
  'and or but nor so yet because although though while whereas if when whenever where wherever whether once unless then than',
);

export const RELATIVES = words('that which who whom whose what how why');

export const AUXILIARIES = words(
  'is are was were be been being am has have had having do does did will would can could shall should may might must',
);

export const NEGATIONS = words('not never no none nothing neither nor cannot');

/** Adverbs that sit between a subject and its verb ("strongly", "also"). */
export const ADVERBS = words(
  'also later then again previously once recently still repeatedly just only even further earlier already frequently often quickly immediately soon separately simply flatly bluntly angrily firmly openly publicly privately reportedly allegedly apparently subsequently initially originally finally ultimately eventually meanwhile however too twice long since first last yesterday today tonight now ago',
);

/** Words that open a sentence but are not part of a subject ("But he said"). */
export const SENTENCE_ADVERBS = words(
  'but and so yet still now then also however meanwhile instead indeed moreover furthermore nevertheless nonetheless besides otherwise thus hence rather today yesterday tonight later earlier',
);

export const WEEKDAYS = words(
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun',
);

export const MONTHS = words(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
);

/** Time words that may follow a speech verb before its content ("said Friday that"). */
export const TIME_WORDS = words(
  'today yesterday tonight tomorrow earlier later recently previously last this next week weekend month year morning afternoon evening night day days weeks months years ago separately again also repeatedly once first privately publicly',
);

// The corpus segmenter has shorter lists of its own (src/corpus/segment.ts); using them here
// lowers PolNeAR dev indirect recall (472 → 470 found), so the two are kept apart.
/** Abbreviations that keep their period and never end a sentence. */
export const HONORIFIC_ABBREVIATIONS = words(
  'mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj prof rev st jr sr fr pres supt messrs mt ft hon amb sec atty lt.col brig cpl pvt',
);

/** Abbreviations that keep their period but may end a sentence. */
export const OTHER_ABBREVIATIONS = words(
  'inc corp co ltd bros vs etc no nos jan feb mar apr jun jul aug sep sept oct nov dec ave blvd dept univ approx est fig op vol ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex vt va wash wis wyo',
);

/** Honorifics: not part of a canonical name. */
export const HONORIFICS = words(
  'mr mrs ms miss dr prof sir dame lord lady rev mr. mrs. ms. dr. prof. rev. messrs',
);

export const MALE_WORDS = words(
  'mr mr. sir lord king prince father son brother husband uncle grandfather spokesman chairman congressman businessman nephew boyfriend',
);
export const FEMALE_WORDS = words(
  'mrs mrs. ms ms. miss dame lady queen princess mother daughter sister wife aunt grandmother spokeswoman chairwoman congresswoman businesswoman niece girlfriend',
);

/**
 * Common given names, to guess a person's gender for "he"/"she" when nothing
 * else tells it. Deliberately short and international; unknown names stay
 * unknown.
 */
export const MALE_GIVEN_NAMES = words(`
  john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony
  mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
  jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
  frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
  walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
  jesse dylan bryan joe billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
  eugene vincent russell elijah louis bobby philip johnny tony tom bill bob mike jim steve dave chris
  barack bernie ted marco jeb mitt newt rand chuck mitch harry boris vladimir sergei dmitry
  emmanuel francois nicolas jacques gerhard silvio gordon ed nick iain ken alastair
  ali mohammed muhammad ahmed hassan hussein omar abdullah ibrahim yusuf mustafa khalid saeed hamid
  carlos luis jorge pedro miguel manuel antonio francisco javier diego rafael fernando pablo
  hans klaus jurgen wolfgang dieter stefan thierry arsene alex rio
  hiroshi takeshi raj rahul amit sunil vijay arjun
`);
export const FEMALE_GIVEN_NAMES = words(`
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
  sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
  sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
  katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
  victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
  frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
  amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
  alexis kayla hillary chelsea ivanka melania condoleezza madeleine tessa harriet cherie hazel clare
  estelle nicola fatima aisha leila mariam zainab nadia yasmin sofia lucia carmen ana isabel elena marta
  ines ingrid heidi ursula sabine monika cate imelda kylie madonna britney beyonce oprah
`);

/**
 * Words that make up a title ("Foreign Minister", "ministry spokesman"),
 * lower-case. A person's name follows them.
 */
export const TITLE_WORDS = words(`
  president vice minister secretary spokesman spokeswoman spokesperson chairman chairwoman chair
  chancellor premier governor senator sen sen. rep rep. representative congressman congresswoman
  mayor ambassador envoy official officials director chief ceo cfo coo cto founder co-founder head leader
  commander general admiral colonel captain lieutenant sergeant officer adviser advisor aide counsel
  attorney lawyer judge justice prosecutor sheriff commissioner inspector superintendent administrator
  manager executive analyst economist strategist pollster consultant expert professor researcher
  scientist historian author writer editor columnist correspondent reporter journalist anchor host
  candidate challenger nominee contender hopeful incumbent rival opponent counterpart colleague ally
  confidant surrogate backer donor fundraiser organizer
  deputy acting assistant associate senior junior top former ex- interim designate elect
  speaker whip majority minority king queen prince princess emperor sheikh ayatollah cardinal pope bishop
  rabbi imam pastor reverend gov gov. gen gen. lt lt. col col. sgt sgt. capt capt. dr dr. prof prof.
  mr mr. mrs mrs. ms ms. miss sir dame lord lady
  member partner owner president-elect vice-president chairperson coach manager player striker
  midfielder defender goalkeeper star actor actress singer director producer rapper musician
  activist campaigner organizer organiser protester supporter critic voter resident citizen
  student teacher doctor nurse patient victim witness survivor mother father son daughter wife husband
  brother sister friend neighbor neighbour owner boss employee worker agent operative staffer
  delegate lawmaker legislator politician diplomat negotiator mediator regulator auditor investigator
  treasurer comptroller controller clerk registrar ombudsman solicitor barrister magistrate
  policeman policewoman trooper detective constable marshal
  businessman businesswoman billionaire mogul tycoon entrepreneur investor philanthropist comedian
  commentator blogger pundit broadcaster presenter novelist poet artist filmmaker chef economist
  publisher strategist spokesmen democrat republican tory democrats republicans frontrunner front-runner nominee-elect governor-elect mayor-elect
`);

/** Words that make a name an institution ("Foreign Ministry", "Microsoft Corp"). */
export const ORG_WORDS = words(`
  ministry department agency office bureau service services council committee commission board
  authority authorities administration government cabinet parliament congress senate house assembly
  court tribunal party union federation association society institute institution foundation fund
  trust bank corporation corp corp. company co co. inc inc. ltd ltd. llc plc group holdings industries
  university college school academy hospital church mosque network channel newspaper magazine times
  post journal news press agency tribune herald gazette telegraph guardian review radio television tv
  campaign organization organisation alliance coalition league movement army navy force forces police
  command staff secretariat embassy consulate mission delegation team club label studio studios
  airline airlines motors systems technologies labs laboratories research center centre
  initiative project program programme caucus pac center-right
`);

/** Corporate suffixes dropped from canonical names ("Microsoft Corp" → "Microsoft"). */
export const CORPORATE_SUFFIXES = words('corp corp. inc inc. ltd ltd. llc plc co co. corporation limited');

/** Nouns that head a description of a person or group that can speak. */
export const SPEAKER_NOUNS = words(`
  people officials official analysts analyst experts expert critics critic residents resident voters voter
  lawyers lawyer aides aide sources source observers observer supporters supporter opponents opponent
  activists activist leaders leader members member lawmakers lawmaker senators senator republicans democrats
  economists economist investigators prosecutors researchers scientists historians police authorities
  report reports study studies statement statements poll polls survey surveys document documents memo letter
  filing complaint lawsuit suit ruling decision judge court campaign spokesman spokeswoman spokesperson
  ministry government administration company firm group committee agency department organization organisation
  newspaper paper magazine network website site outlet channel station broadcaster agency
  diplomats diplomat candidates candidate officers officer witnesses witness protesters protester
  man woman men women person persons parents parent friends friend family families neighbors neighbours
  students student workers worker employees employee executives executive staff staffers adviser advisers
  advisor advisors spokespeople owners owner fans fan users user customers customer citizens citizen
`);

/** Head nouns that carry a claim ("dismissed the claim"). */
export const CLAIM_NOUNS = words(`
  claim claims allegation allegations accusation accusations charge charges report reports suggestion
  suggestions assertion assertions notion idea story stories rumor rumors rumour rumours speculation
  criticism criticisms statement statements warning warnings finding findings conclusion conclusions
  assessment assessments theory theories narrative narratives insinuation insinuations
  complaint complaints demand demands threat threats
`);

/**
 * US states and a few big regions: places, never people, in the US news this
 * engine mostly reads ("Vermont" is not a pronoun's antecedent).
 */
export const PLACE_NAMES = words(`
  alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
  illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
  mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
  vermont virginia wisconsin wyoming carolina dakota hampshire jersey york mexico manhattan brooklyn
  chicago boston philadelphia cleveland detroit atlanta houston dallas miami denver seattle phoenix
  baltimore milwaukee pittsburgh cheyenne orlando tampa london paris berlin europe asia africa
  middle east west north south midwest
`);

/** Capitalised sentence openers that are never names ("There", "Minutes later"). */
export const NON_NAME_OPENERS = words(
  'said says well yes oh okay ok please look there here this that these those it its minutes hours days weeks months years moments seconds decades every no none nothing last next earlier later yesterday today tonight tomorrow meanwhile',
);

/**
 * Frequent verb forms that look like nouns to a walk over a noun phrase
 * ("The bank gave", "The settlement follows"): they end a phrase.
 */
export const COMMON_VERBS = words(`
  gave took made came went got saw knew found became began kept left led held brought bought sent spent
  won lost paid set cut hit met ran rose fell grew drew felt meant sold stood understood wore
  gives takes makes comes goes gets sees knows finds becomes begins keeps leads holds brings buys sends
  spends wins loses pays sets cuts hits meets runs rises falls grows draws feels means sells stands
  follows remains seems appears looks shows needs wants tries uses works plans hopes expects faces
  includes involves requires allows helps offers provides raises reaches lies lives moves opens owns
  gave gone done been seen taken given made known shown grown
  give take make come go get see know find become begin keep lead hold bring buy send spend win lose
  pay run rise fall grow feel mean sell stand follow remain seem appear look show need want try use work
  hope expect face include involve require allow help offer provide raise reach live move open own
  has have had is are was were will would can could should may might must do does did
`);

/** Object pronouns: never the subject of a speech verb. */
export const OBJECT_PRONOUNS = words('him her them me us whom');

/** Indefinite pronouns that can speak ("Someone called it …", "Many said …"): descriptions, not names. */
export const INDEFINITE_SPEAKERS = words(
  'someone somebody everyone everybody anyone anybody one another many most some several few others both all each',
);

/** Sentence openers after an abbreviation such as "U.S." that signal a new sentence. */
export const SENTENCE_STARTERS = words(
  'the a an he she it they we i you but and or so yet in on at this that these those there his her its their our my when while after before as if although however meanwhile still now then also what why how who where some many most both each according',
);
