import { useEffect, useState } from 'react';
import { Heading, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { RATING_MAX, RATING_MIN, type RatingResponse } from '@suishin/shared/protocol';
import { roleAtLeast } from '@suishin/shared';
import { useTranslation } from '../../i18n/useTranslation';
import { AppLocale } from '../../ui/AppLocale';
import { Button } from '../../ui/Button';
import { useMyRole } from '../access/useMeetingAccess';
import { getRating, rateMeeting } from './bodiesApi';
import './bodies.css';

const SCORES = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => String(RATING_MIN + i));

/**
 * Rating an ended meeting, 1–5: optional and anonymous (the server keeps no name with a score and
 * shows the average only from three votes). Participants and facilitators rate; observers see the result.
 */
export function MeetingRating({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const role = useMyRole(meetingId);
  const [rating, setRating] = useState<RatingResponse | null>(null);
  const [choice, setChoice] = useState<string>('');
  const [state, setState] = useState<{ busy: boolean; error: string | null; sent: boolean }>({ busy: false, error: null, sent: false });

  useEffect(() => {
    let cancelled = false;
    getRating(meetingId).then(
      (r) => {
        if (cancelled) return;
        setRating(r);
        if (r.mine !== null) setChoice(String(r.mine));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [meetingId]);

  if (!rating) return null;
  const mayRate = rating.canRate || (role !== null && roleAtLeast(role, 'participant'));
  const send = async () => {
    setState({ busy: true, error: null, sent: false });
    try {
      setRating(await rateMeeting(meetingId, Number(choice)));
      setState({ busy: false, error: null, sent: true });
    } catch (error) {
      setState({ busy: false, error: (error as Error).message, sent: false });
    }
  };
  const { figures } = rating;

  return (
    <section className="card meeting-rating" aria-labelledby="meeting-rating-heading" data-testid="meeting-rating">
      <Heading level={2} id="meeting-rating-heading" className="card__title">{t('rating.heading')}</Heading>
      {mayRate ? (
        <AppLocale>
          <RadioGroup value={choice} onChange={setChoice} orientation="horizontal" className="field" aria-describedby="meeting-rating-hint">
            <Label className="field__label">{t('rating.label')}</Label>
            <Text id="meeting-rating-hint" slot="description" className="field__description">{t('rating.hint')}</Text>
            <div className="meeting-rating__choices">
              {SCORES.map((s) => (
                <Radio key={s} value={s} className="meeting-rating__choice" aria-label={t('rating.score', { score: s })}>{s}</Radio>
              ))}
            </div>
          </RadioGroup>
          <div className="form__actions">
            <Button variant="primary" onPress={send} isDisabled={!choice || state.busy}>
              {state.busy ? t('rating.sending') : rating.mine !== null ? t('rating.change') : t('rating.submit')}
            </Button>
          </div>
        </AppLocale>
      ) : (
        <p className="muted">{t('rating.observer')}</p>
      )}
      <div aria-live="polite">
        {state.sent && rating.mine !== null && <p className="notice" role="status">{t('rating.thanks', { score: rating.mine })}</p>}
        {state.error && <div className="notice notice--danger" role="alert">{t('rating.failed', { message: state.error })}</div>}
        <p className="muted" data-testid="rating-figures">
          {figures.average !== null ? t('rating.figures', { average: figures.average.toFixed(1), votes: figures.votes }) : figures.votes > 0 ? t('rating.fewVotes', { count: figures.votes }) : t('rating.none')}
        </p>
      </div>
    </section>
  );
}
