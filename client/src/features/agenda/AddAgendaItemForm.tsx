import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Form } from 'react-aria-components';
import { useAgendaCommands } from '../../meeting/hooks/useAgenda';
import { Button } from '../../ui/Button';
import { NumberField } from '../../ui/NumberField';
import { TextField } from '../../ui/TextField';

const DEFAULT_TIMEBOX = 10;

export function AddAgendaItemForm({ onAdded }: { meetingId: string; onAdded(id: string): void }) {
  const { t } = useTranslation();
  const commands = useAgendaCommands();
  const [title, setTitle] = useState('');
  const [timebox, setTimebox] = useState(DEFAULT_TIMEBOX);
  const [error, setError] = useState<string | null>(null);
  const titleInput = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (title.trim() === '') {
      setError(t('agenda.titleRequired'));
      titleInput.current?.focus();
      return;
    }
    try {
      const id = commands.add({ title: title.trim(), timeboxMinutes: Number.isFinite(timebox) ? timebox : DEFAULT_TIMEBOX });
      setTitle('');
      setError(null);
      onAdded(id);
      titleInput.current?.focus();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    // data-focus-fallback: where focus goes when the room opens from "Create meeting" (ui/focusKeeper).
    <Form className="add-item" data-focus-fallback onSubmit={onSubmit} aria-label={t('agenda.addTitle')} validationBehavior="aria"
      validationErrors={error ? { title: error } : {}}>
      <TextField
        name="title"
        label={t('agenda.addTitle')}
        hideLabel
        placeholder={t('agenda.addPlaceholder')}
        value={title}
        onChange={(value) => {
          setTitle(value);
          if (error) setError(null);
        }}
        inputRef={titleInput}
        className="add-item__title"
      />
      <div className="add-item__row">
        <NumberField
          label={t('agenda.timebox')}
          value={timebox}
          onChange={setTimebox}
          minValue={0}
          maxValue={24 * 60}
          buttonStep={{ by: 5, decrementLabel: t('agenda.timeboxLess'), incrementLabel: t('agenda.timeboxMore') }}
          formatOptions={{ maximumFractionDigits: 0 }}
          className="add-item__timebox"
        />
        <Button type="submit" variant="primary">{t('agenda.add')}</Button>
      </div>
    </Form>
  );
}
