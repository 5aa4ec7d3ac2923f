import { parseKpiNumber } from '@suishin/shared';
import { useTranslation } from '../../i18n/useTranslation';
import type { Language } from '../../i18n/language';
import { TextField } from '../../ui/TextField';
import { useLiveDraft } from '../../ui/useLiveDraft';
import { formatForEdit } from './kpiFormat';

export interface LiveNumberFieldProps {
  label: string;
  value: number | null;
  language: Language;
  /** The number, and the unit written with it ("12.5%" → "%"), if any. May throw. */
  onCommit(value: number | null, unitHint: string | null): void;
}

/**
 * A KPI figure typed the way people write numbers: "1,234", "１２３", "12.5%", "¥1,200", "▲5",
 * "1.2万" (shared's parseKpiNumber, the same reader as the spreadsheet paste). Written like the
 * other live fields: after a pause, on blur or Enter, never during an IME composition; a value
 * that does not read as a number stays in the field with the reason.
 */
export function LiveNumberField({ label, value, language, onCommit }: LiveNumberFieldProps) {
  const { t } = useTranslation();
  const live = useLiveDraft(formatForEdit(value, language), (text) => {
    const parsed = parseKpiNumber(text);
    if (!parsed.ok) throw new Error(t(parsed.reason === 'spreadsheet_error' ? 'kpis.paste.reasons.spreadsheet_error' : 'kpis.notANumber'));
    if (parsed.value !== value) onCommit(parsed.value, parsed.unit);
  });
  return (
    <TextField
      label={label}
      value={live.draft}
      inputMode="decimal"
      className="kpi-number"
      errorMessage={live.error}
      onChange={live.change}
      inputProps={{
        onBlur: live.commit,
        onCompositionStart: live.compositionStart,
        onCompositionEnd: live.compositionEnd,
        onKeyDown: (event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) live.commit();
          if (event.key === 'Escape') live.revert();
        },
      }}
    />
  );
}
