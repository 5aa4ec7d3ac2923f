import { useState, type FormEvent } from 'react';
import { Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { BODY_TEMPLATES, CADENCE_EVERY, DECISION_FUNCTIONS, SIGN_OFF_RULES, type Series } from '@suishin/shared';
import { ApiError } from '../../api/apiError';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { AppLocale } from '../../ui/AppLocale';
import { Button } from '../../ui/Button';
import { DayField } from '../../ui/DayField';
import { Select } from '../../ui/Select';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { emptyValues, normalizeTime, TIME_PATTERN, toSeriesInput, valuesOf, withTemplate, type BodyFormValues } from './bodyFormValues';
import { descendantsOf } from './bodyTree';

export interface BodyDialogProps {
  isOpen: boolean;
  /** The body being edited; a new one (from a template or blank) when absent. */
  initial?: Series;
  /** Every body, for the parent choice. */
  bodies: readonly Series[];
  onClose(): void;
  /** Saves (create or patch); throws ApiError to show. */
  onSave(input: ReturnType<typeof toSeriesInput>): Promise<void>;
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Creating a 会議体 (one form: pick a template, adjust, save) and editing one, in a modal dialog. */
export function BodyDialog({ isOpen, initial, bodies, onClose, onSave }: BodyDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable>
      <Modal className="modal modal--wide">
        <Dialog className="dialog" aria-label={initial ? t('bodies.form.editHeading') : t('bodies.form.createHeading')}>
          <Heading slot="title" className="dialog__title">{initial ? t('bodies.form.editHeading') : t('bodies.form.createHeading')}</Heading>
          <AppLocale>
            <BodyForm initial={initial} bodies={bodies} onClose={onClose} onSave={onSave} />
          </AppLocale>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function BodyForm({ initial, bodies, onClose, onSave }: Omit<BodyDialogProps, 'isOpen'>) {
  const { t } = useTranslation();
  const uiLanguage = useUiStore((s) => s.language);
  const [values, setValues] = useState<BodyFormValues>(() => (initial ? valuesOf(initial) : emptyValues(uiLanguage)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof BodyFormValues>(key: K, value: BodyFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };
  const setPerson = (role: keyof BodyFormValues['people'], text: string) => setValues((v) => ({ ...v, people: { ...v.people, [role]: text } }));

  // A body cannot escalate to itself or to one below it (the server refuses it too).
  const excluded = initial ? descendantsOf(initial.id, bodies) : new Set<string>();
  const parents = bodies.filter((b) => !excluded.has(b.id));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!values.name.trim()) next.name = t('bodies.form.nameRequired');
    if (values.every !== 'asNeeded' && values.time.trim() && !TIME_PATTERN.test(normalizeTime(values.time))) next.time = t('bodies.form.timeInvalid');
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setFormError(null);
    try {
      await onSave(toSeriesInput(values));
    } catch (error) {
      setBusy(false);
      const field = error instanceof ApiError ? error.field?.split('.')[0] : undefined;
      const message = error instanceof Error ? error.message : String(error);
      if (field === 'name' || field === 'parentId' || field === 'purpose') setErrors({ [field]: message });
      else setFormError(t('bodies.form.failed', { message }));
    }
  }

  const inCadence = values.every !== 'asNeeded';
  return (
    <Form className="form body-form" onSubmit={submit} validationBehavior="aria">
      {!initial && (
        <Select
          label={t('bodies.form.template')}
          description={t('bodies.form.templateHint')}
          value={values.template}
          options={[{ value: 'none', label: t('bodies.form.noTemplate') }, ...BODY_TEMPLATES.map((tpl) => ({ value: tpl.id, label: tpl.name[uiLanguage], description: t(`bodies.function.${tpl.decisionFunction}`) }))]}
          onChange={(id) => setValues((v) => withTemplate(v, id))}
        />
      )}
      <TextField label={t('bodies.form.name')} value={values.name} onChange={(v) => set('name', v)} errorMessage={errors.name} isRequired maxLength={500} />
      <TextAreaField label={t('bodies.form.purpose')} value={values.purpose} onChange={(v) => set('purpose', v)} errorMessage={errors.purpose} rows={2} maxLength={2000} />
      <div className="body-form__row">
        <Select
          label={t('bodies.form.decisionFunction')}
          value={values.decisionFunction}
          options={[{ value: 'none', label: t('bodies.function.none') }, ...DECISION_FUNCTIONS.map((f) => ({ value: f, label: t(`bodies.function.${f}`), description: t(`bodies.functionHint.${f}`) }))]}
          onChange={(v) => set('decisionFunction', v)}
        />
        <Select
          label={t('bodies.form.parent')}
          value={values.parentId || 'none'}
          options={[{ value: 'none', label: t('bodies.form.noParent') }, ...parents.map((b) => ({ value: b.id, label: b.name }))]}
          onChange={(v) => set('parentId', v === 'none' ? '' : v)}
        />
        <Select
          label={t('signOff.rule.label')}
          value={values.signOffRule}
          options={SIGN_OFF_RULES.map((r) => ({ value: r, label: t(`signOff.rule.${r}`) }))}
          onChange={(v) => set('signOffRule', v)}
        />
      </div>
      {errors.parentId && <p className="field__error" role="alert">{errors.parentId}</p>}
      <TextAreaField label={t('bodies.form.decisionRights')} value={values.decisionRights} onChange={(v) => set('decisionRights', v)} rows={2} maxLength={2000} />
      <div className="body-form__row body-form__row--three">
        <Select label={t('bodies.form.every')} value={values.every} options={CADENCE_EVERY.map((e) => ({ value: e, label: t(`bodies.every.${e}`) }))} onChange={(v) => set('every', v)} />
        <Select
          label={t('bodies.form.weekday')}
          value={values.weekday}
          isDisabled={!inCadence}
          options={[{ value: 'any', label: t('bodies.anyWeekday') }, ...WEEKDAYS.map((d) => ({ value: d, label: t(`bodies.weekdays.${d}`) }))]}
          onChange={(v) => set('weekday', v)}
        />
        <TextField label={t('bodies.form.time')} value={values.time} onChange={(v) => set('time', v)} errorMessage={errors.time} isDisabled={!inCadence} placeholder="09:30" />
      </div>
      <div className="body-form__row">
        <TextAreaField label={t('bodies.form.chair')} description={t('bodies.form.peopleHint')} value={values.people.chair} onChange={(v) => setPerson('chair', v)} rows={1} />
        <TextAreaField label={t('bodies.form.secretary')} description={t('bodies.form.peopleHint')} value={values.people.secretary} onChange={(v) => setPerson('secretary', v)} rows={1} />
      </div>
      <div className="body-form__row">
        <TextAreaField label={t('bodies.form.members')} description={t('bodies.form.peopleHint')} value={values.people.member} onChange={(v) => setPerson('member', v)} rows={3} />
        <TextAreaField label={t('bodies.form.informed')} description={t('bodies.form.peopleHint')} value={values.people.informed} onChange={(v) => setPerson('informed', v)} rows={3} />
      </div>
      <div className="body-form__row">
        <TextField label={t('bodies.form.departments')} description={t('bodies.form.departmentsHint')} value={values.departments} onChange={(v) => set('departments', v)} />
        <Select label={t('bodies.form.language')} value={values.language} options={[{ value: 'ja', label: '日本語' }, { value: 'en', label: 'English' }]} onChange={(v) => set('language', v)} />
      </div>
      <div className="body-form__review">
        <DayField
          label={t('bodies.form.reviewOn')}
          value={values.reviewOn}
          onChange={(v) => set('reviewOn', v)}
          previousLabel={t('bodies.form.previousMonth')}
          nextLabel={t('bodies.form.nextMonth')}
          clearLabel={t('bodies.form.clearReview')}
        />
        <p className="field__description">{t('bodies.form.reviewHint')}</p>
      </div>
      <TextAreaField label={t('bodies.form.agenda')} description={t('bodies.form.agendaHint')} value={values.agenda} onChange={(v) => set('agenda', v)} rows={5} />
      {formError && <div className="notice notice--danger" role="alert">{formError}</div>}
      <div className="dialog__actions">
        <Button variant="quiet" onPress={onClose} isDisabled={busy}>{t('bodies.form.cancel')}</Button>
        <Button variant="primary" type="submit" isDisabled={busy}>
          {initial ? (busy ? t('bodies.form.saving') : t('bodies.form.save')) : busy ? t('bodies.form.creating') : t('bodies.form.create')}
        </Button>
      </div>
    </Form>
  );
}
