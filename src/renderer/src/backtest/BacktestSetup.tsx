import type { DatasetSummary, StrategyInfo } from '../../../shared';
import { CostsPanel } from './CostsPanel';
import { DatasetPicker } from './DatasetPicker';
import { ParamForm } from './ParamForm';
import { RunControls } from './RunControls';
import { StrategyPicker } from './StrategyPicker';
import type { BacktestForm } from './useBacktestForm';

interface BacktestSetupProps {
  form: BacktestForm;
  datasets: DatasetSummary[] | null;
  strategies: StrategyInfo[] | null;
  running: boolean;
  armed: boolean;
  stale: boolean;
  onRun: () => void;
}

/** The left-hand panel: what to test (dataset, strategy, parameters), under which settings, and the run button. */
export function BacktestSetup({ form, datasets, strategies, running, armed, stale, onRun }: BacktestSetupProps) {
  return (
    <form
      className="panel backtest-setup"
      aria-label="Backtest settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (form.request) onRun();
      }}
    >
      <DatasetPicker datasets={datasets} selected={form.dataset} missing={form.missing.dataset} onChange={form.setDataset} />
      <StrategyPicker strategies={strategies} selected={form.strategy} missing={form.missing.strategy} onChange={form.setStrategy} />
      {form.strategy ? (
        <ParamForm
          strategy={form.strategy}
          draft={form.paramDraft}
          errors={form.errors}
          constraints={form.constraints}
          onChange={form.setParam}
          onReset={form.resetParams}
        />
      ) : null}
      <CostsPanel draft={form.config} dataset={form.dataset} errors={form.errors} onChange={form.setConfig} />
      {form.problems.map((p) => (
        <p key={p} className="form-error" role="alert">
          {p}
        </p>
      ))}
      <RunControls
        canRun={form.request !== null}
        blocked={!form.dataset ? 'Choose a dataset to run a backtest.' : !form.strategy ? 'Choose a strategy to run a backtest.' : null}
        running={running}
        armed={armed}
        stale={stale}
      />
    </form>
  );
}
