// The forms of English irregular verbs, which the stemmer cannot join ("came" is not "come" to it): a
// question word the article lacks is looked up here for a form the article uses. The one table of them:
// question reading (word-forms.ts) uses it too, leaving out light verbs and forms that are other words.

const FORMS = `arise arose arisen|awake awoke awoken|bear bore borne|beat beaten|become became|begin began begun|bend bent|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought|build built|burn burnt|buy bought|catch caught|choose chose chosen|cling clung|come came|creep crept|deal dealt|dig dug|do did done|draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt|fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|grind ground|grow grew grown|hang hung|have had|hear heard|hide hid hidden|hold held|keep kept|kneel knelt|know knew known|lay laid|lead led|leap leapt|leave left|lend lent|lie lay lain|light lit|lose lost|make made|mean meant|meet met|mislead misled|overcome overcame|overtake overtook overtaken|pay paid|prove proven|ride rode ridden|ring rang rung|rise rose risen|run ran|say said|see saw seen|seek sought|sell sold|send sent|sew sewn|shake shook shaken|shine shone|shoot shot|show shown|shrink shrank shrunk|sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|speak spoke spoken|speed sped|spend spent|spin spun|spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung|stride strode stridden|strike struck|strive strove striven|swear swore sworn|sweep swept|swim swam swum|swing swung|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|tread trod trodden|undergo underwent undergone|understand understood|undertake undertook undertaken|wake woke woken|wear wore worn|weave wove woven|weep wept|win won|wind wound|withdraw withdrew withdrawn|write wrote written`;

/** Every verb of the table, each as its forms: the base first, then past and participle. */
export const IRREGULAR_VERBS: readonly (readonly string[])[] = FORMS.split('|').map((verb) => verb.split(' '));

/** Each form with the other forms of its verb. */
const OTHERS = new Map<string, string[]>();
for (const forms of IRREGULAR_VERBS) {
  for (const f of forms) OTHERS.set(f, [...(OTHERS.get(f) ?? []), ...forms.filter((o) => o !== f)]);
}

/** The other forms of the verb `word` is a form of ("came" → "come"), or none. */
export function otherForms(word: string): readonly string[] {
  return OTHERS.get(word) ?? [];
}
