// The "Costs & execution" form's state (choices plus numbers as typed) and its conversion into the contract's
// BacktestConfig, with a message per invalid field keyed by the field's request path.
import { BacktestConfig, type BacktestConfigInput, type SizingConfig } from '../../../shared';
import { CONFIG_FIELDS, type ConfigNumberKey } from './configFields';
import { numberText, parseNumber } from './numberInput';

export interface ConfigDraft {
  fill: BacktestConfig['fill'];
  direction: BacktestConfig['direction'];
  sizing: SizingConfig['kind'];
  numbers: Record<ConfigNumberKey, string>;
}

/** Request path ("config.commissionBps") → what is wrong with the field. */
export type FieldErrors = Record<string, string>;

const SIZING_DEFAULTS = { fraction: 0.5, targetVolAnnual: 0.15, lookback: 20, maxLeverage: 2 };

function shown(key: ConfigNumberKey, value: number | undefined): string {
  return value === undefined ? '' : numberText(value * CONFIG_FIELDS[key].scale);
}

/** The schema's defaults as a draft (sizing fields the default sizing does not use get sensible starting values). */
export function defaultConfigDraft(): ConfigDraft {
  const d = BacktestConfig.parse({});
  return fromConfig(d);
}

/** A config (from a remembered run or a report) as a draft. */
export function fromConfig(config: BacktestConfig): ConfigDraft {
  const s = config.sizing;
  const sizing = {
    fraction: s.kind === 'fixedFraction' ? s.fraction : SIZING_DEFAULTS.fraction,
    targetVolAnnual: s.kind === 'volTarget' ? s.targetVolAnnual : SIZING_DEFAULTS.targetVolAnnual,
    lookback: s.kind === 'volTarget' ? s.lookback : SIZING_DEFAULTS.lookback,
    maxLeverage: s.kind === 'volTarget' ? s.maxLeverage : SIZING_DEFAULTS.maxLeverage,
  };
  const numbers = {} as Record<ConfigNumberKey, string>;
  for (const key of Object.keys(CONFIG_FIELDS) as ConfigNumberKey[]) {
    const value = key in sizing ? sizing[key as keyof typeof sizing] : (config[key as keyof BacktestConfig] as number | undefined);
    numbers[key] = shown(key, value);
  }
  return { fill: config.fill, direction: config.direction, sizing: s.kind, numbers };
}

/** The fields the current sizing shows and sends. */
export function sizingFields(kind: SizingConfig['kind']): ConfigNumberKey[] {
  if (kind === 'fixedFraction') return ['fraction'];
  if (kind === 'volTarget') return ['targetVolAnnual', 'lookback', 'maxLeverage'];
  return [];
}

const TOP_LEVEL: ConfigNumberKey[] = [
  'initialCapital',
  'commissionBps',
  'commissionPerTrade',
  'slippageBps',
  'borrowRateAnnual',
  'stopLossPct',
  'takeProfitPct',
  'trailingStopPct',
  'riskFreeRateAnnual',
  'periodsPerYear',
];

export function toBacktestConfig(draft: ConfigDraft): { config: BacktestConfigInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const read = (key: ConfigNumberKey): number | undefined => {
    const f = CONFIG_FIELDS[key];
    const parsed = parseNumber(draft.numbers[key], f.rule);
    if (!parsed.ok) {
      errors[f.path] = parsed.error;
      return undefined;
    }
    return parsed.value === undefined ? undefined : parsed.value / f.scale;
  };
  const config: Record<string, unknown> = { fill: draft.fill, direction: draft.direction };
  for (const key of TOP_LEVEL) {
    const value = read(key);
    if (value !== undefined) config[key] = value;
  }
  const sizing: Record<string, unknown> = { kind: draft.sizing };
  for (const key of sizingFields(draft.sizing)) sizing[key] = read(key);
  config.sizing = sizing;
  if (Object.keys(errors).length > 0) return { config: null, errors };
  // The contract's own schema has the last word, so the form can never send what the back end would refuse.
  const checked = BacktestConfig.safeParse(config);
  if (!checked.success) {
    for (const issue of checked.error.issues) errors[['config', ...issue.path.map(String)].join('.')] = issue.message;
    return { config: null, errors };
  }
  return { config: config as BacktestConfigInput, errors };
}
