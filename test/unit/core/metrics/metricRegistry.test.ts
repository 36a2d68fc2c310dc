// The metric registry as data: ids unique, snake_case and stable in order; every definition complete; lookup by
// id and its error for an unknown id.

import { describe, expect, it } from 'vitest';
import { getMetric, isMetricId, METRIC_IDS, METRICS, type MetricId } from '../../../../src/core/metrics';

const UNITS = ['fraction', 'percent', 'ratio', 'bars', 'count', 'currency'];
const DIRECTIONS = ['maximize', 'minimize'];
const GROUPS = ['return', 'risk_adjusted', 'risk', 'distribution', 'trades', 'activity'];

describe('metric registry', () => {
  it('lists the ids in their stable order (saved studies and exports depend on them: append only)', () => {
    expect(METRIC_IDS).toEqual([
      'total_return',
      'cagr',
      'sharpe',
      'sortino',
      'calmar',
      'omega',
      'volatility',
      'max_drawdown',
      'max_drawdown_duration',
      'var',
      'cvar',
      'skewness',
      'excess_kurtosis',
      'tail_ratio',
      'number_of_trades',
      'win_rate',
      'profit_factor',
      'average_win',
      'average_loss',
      'expectancy',
      'expectancy_return',
      'exposure',
      'turnover',
    ]);
    expect(METRICS.map((m) => m.id)).toEqual(METRIC_IDS);
  });

  it('has unique snake_case ids', () => {
    expect(new Set(METRIC_IDS).size).toBe(METRIC_IDS.length);
    for (const id of METRIC_IDS) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('gives every definition a label, unit, direction, group, one-sentence description and compute function', () => {
    for (const m of METRICS) {
      expect(m.label.trim().length, m.id).toBeGreaterThan(0);
      expect(UNITS, m.id).toContain(m.unit);
      expect(DIRECTIONS, m.id).toContain(m.direction);
      expect(GROUPS, m.id).toContain(m.group);
      expect(m.description, m.id).toMatch(/^[A-Z][^\n]*\.$/);
      expect(m.description.slice(0, -1), `${m.id}: one sentence`).not.toMatch(/\. [A-Z]/);
      expect(typeof m.compute, m.id).toBe('function');
    }
    expect(new Set(METRICS.map((m) => m.label)).size).toBe(METRICS.length);
  });

  it('is frozen, so no caller can change a definition everyone shares', () => {
    expect(Object.isFrozen(METRICS)).toBe(true);
    for (const m of METRICS) expect(Object.isFrozen(m), m.id).toBe(true);
  });

  it('signs losses so that larger is better: drawdown, VaR, CVaR and average loss maximise', () => {
    for (const id of ['max_drawdown', 'var', 'cvar', 'average_loss'] as const) {
      expect(getMetric(id).direction, id).toBe('maximize');
    }
    for (const id of ['volatility', 'max_drawdown_duration', 'excess_kurtosis', 'turnover'] as const) {
      expect(getMetric(id).direction, id).toBe('minimize');
    }
  });

  it('finds a definition by id', () => {
    const sharpe = getMetric('sharpe');
    expect(sharpe).toBe(METRICS[2]);
    expect(sharpe).toMatchObject({ id: 'sharpe', label: 'Sharpe ratio', unit: 'ratio', direction: 'maximize' });
    expect(isMetricId('max_drawdown')).toBe(true);
    expect(isMetricId('Sharpe')).toBe(false);
    const id: MetricId = 'turnover';
    expect(getMetric(id).id).toBe('turnover');
  });

  it('throws for an unknown id, naming it and listing every valid id', () => {
    let message = '';
    try {
      getMetric('sharpe_ratio');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('"sharpe_ratio"');
    for (const id of METRIC_IDS) expect(message).toContain(id);
  });
});
