/** The Q&A part of the attendee page: name, ask box and the live list. */
import { useTranslation } from 'react-i18next';
import { AskForm } from './AskForm.js';
import { NameForm } from './NameForm.js';
import { QuestionBoard } from './QuestionBoard.js';
import '../qa.css';

export default function QaAttendeePanel() {
  const { t } = useTranslation();
  return (
    <>
      <NameForm />
      <section className="card" aria-labelledby="ask-heading">
        <h2 id="ask-heading">{t('qa.ask.heading')}</h2>
        <AskForm />
      </section>
      <QuestionBoard />
    </>
  );
}
