/**
 * Words left out of word clouds: German and English function words (articles, pronouns, conjunctions,
 * prepositions, auxiliaries, fillers). Compared after lower-casing; an answer is dropped only when every
 * one of its words is a stop word ("und", "the", "das ist"), so phrases like "Zukunft der Arbeit" stay.
 */
const GERMAN = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei bin bis
bist da damit dann das dass daß dein deine deinem deinen deiner dem den denn der des dessen dich die dies diese diesem
diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer eure für gegen
gewesen hab habe haben hat hatte hätte hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem
ins ist ja jede jedem jeden jeder jedes jene jetzt kann kein keine keinem keinen keiner man manche mein meine meinem
meinen meiner mich mir mit muss muß nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem seinen
seiner sich sie sind so solche soll sondern sonst um und uns unser unsere unter viel vom von vor war waren warst was
weil welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wo wollen würde zu zum zur
zwar über ok okay na äh ähm hm
`;
const ENGLISH = `
a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves uh um yes
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${GERMAN} ${ENGLISH}`.split(/\s+/).filter(Boolean));
