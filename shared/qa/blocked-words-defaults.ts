/**
 * A short starting list of insults and slurs in German and English. Moderators extend or clear it per
 * event; a match only sends the question to review, it never rejects it.
 */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = [
  // Deutsch
  'arschloch', 'wichser', 'fotze', 'hurensohn', 'schlampe', 'missgeburt', 'spast', 'vollidiot', 'scheiße',
  'scheisse', 'drecksau', 'penner', 'schwuchtel', 'neger', 'kanake', 'nazi',
  // English
  'fuck', 'fucking', 'shit', 'bitch', 'asshole', 'bastard', 'cunt', 'dickhead', 'motherfucker', 'retard',
  'slut', 'whore', 'nigger', 'faggot',
];
