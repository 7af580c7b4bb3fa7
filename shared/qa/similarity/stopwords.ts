/**
 * German and English stop words: words that say nothing about what a question is about. Question words
 * (wann, wo, how, why, …) and quantity words are not dropped but weigh little (LIGHT_WORDS), because
 * "Wann beginnt …?" and "Wo beginnt …?" are different questions. Negations and "ohne/without",
 * "vor/nach", "before/after" are kept as ordinary words: they change what is asked.
 * The lists are written in plain spelling; they are compared in surface form (see normalize.ts).
 */
import { surfaceForm } from './normalize.js';

const GERMAN = `
aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bin
bis bist bitte da dabei dadurch dafür dagegen daher dahin damit dann daran darauf daraus darf darfst darin
darüber darum darunter das dass dazu dein deine deinem deinen deiner dem den denen denn dennoch der deren des
deshalb dessen die dies diese diesem diesen dieser dieses doch dort du durch eigentlich ein eine einem einen
einer eines einfach er es etwa etwas euch euer eure eurem euren eurer für gab geben gibt gilt gegeben habe haben
habt hat hatte hätte hatten hätten her hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in
ins ist ja jede jedem jeden jeder jedes jemand jetzt kann kannst könnt könnte könnten können konnte man manche
mal mein meine meinem meinen meiner mich mir mit möchte möchten muss müssen musst müsste mussten nun nur ob oder
ohnehin schon sehr sein seine seinem seinen seiner seit sich sie sind so solche soll sollen sollte sollten
sonst um und uns unser unsere unserem unseren unserer unter viel vom von war wäre waren wären warst was weil
welch welche welchem welchen welcher welches wenn wer werde werden werdet wie wieder will wir wird wirst wo wollen
wollt wollte worden wurde würde wurden würden zu zum zur zwar hallo danke gerne genau gern dass ne vielleicht
eigene eigenen eigener ganz also halt denn eben wohl über bzw usw zb gibts sowie
`;

const ENGLISH = `
a about am an and any are as at be been being both but by can could did do does doing done for from get gets
getting got had has have having he her here hers him his i if in into is it its itself just me might more
most must my myself no nor of on once only or other our ours ourselves out own please same she should so some
such than thank thanks that the their theirs them themselves then there these they this those through to too
us very was we were will with would you your yours yourself yourselves hi hello also really actually going
let lets like may shall still yet any anyone anything something whats theres hey ok okay
`;

/**
 * Kept, but at LIGHT_WEIGHT: question words and vague quantities. They tell apart "when" from "where"
 * without letting two questions that share only "wie viele" look alike.
 */
const LIGHT = `
wann warum weshalb wieso wozu woher wohin womit wofür wie wo was wer wen wem wessen welche welcher welches welchen
viele wieviel wieviele when where why how what who whom whose which many much
`;

function list(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(surfaceForm));
}

export const STOP_WORDS: ReadonlySet<string> = (() => {
  const stop = list(GERMAN + ENGLISH);
  for (const w of list(LIGHT)) stop.delete(w);
  return stop;
})();

export const LIGHT_WORDS: ReadonlySet<string> = list(LIGHT);

/** True when a word (any spelling, any case) is a German or English stop word. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(surfaceForm(word.toLowerCase()));
}
