import type { DatasetDetail } from '../../../shared';
import { formatTimestamp } from '../format/formatDate';
import { formatDecimal, formatInteger, formatPrice } from '../format/formatNumber';
import { formatPercent } from '../format/formatPercent';

export function DatasetStatsPanel({ dataset }: { dataset: DatasetDetail }) {
  const { stats, frequency } = dataset;
  const r = stats.dailyReturns;
  const when = (ms: number) => formatTimestamp(ms, frequency.seconds);

  return (
    <section className="panel" data-testid="dataset-stats" aria-labelledby="stats-title">
      <h2 id="stats-title" className="panel-title">
        Summary statistics
      </h2>
      <div className="stats-grid">
        <dl className="stats-list">
          <dt>Bars</dt>
          <dd className="numeric">{formatInteger(stats.bars)}</dd>
          <dt>First (UTC)</dt>
          <dd className="numeric">{when(stats.first)}</dd>
          <dt>Last (UTC)</dt>
          <dd className="numeric">{when(stats.last)}</dd>
          <dt>Frequency</dt>
          <dd className="numeric">{frequency.label}</dd>
          <dt title="Sessions at the dataset's frequency, weekends excluded, with no bar">Missing sessions</dt>
          <dd className="numeric" data-testid="stat-missing-sessions">
            {formatInteger(stats.missingSessions)}
          </dd>
        </dl>
        <dl className="stats-list">
          <dt>Daily returns</dt>
          <dd className="numeric">{formatInteger(r.count)}</dd>
          <dt>Mean</dt>
          <dd className="numeric" data-testid="stat-mean">
            {formatPercent(r.mean, 3)}
          </dd>
          <dt>Std deviation</dt>
          <dd className="numeric" data-testid="stat-std">
            {formatPercent(r.std, 3)}
          </dd>
          <dt>Skewness</dt>
          <dd className="numeric">{formatDecimal(r.skewness, 2)}</dd>
          <dt title="Kurtosis minus 3: a normal distribution has 0">Excess kurtosis</dt>
          <dd className="numeric">{formatDecimal(r.excessKurtosis, 2)}</dd>
        </dl>
        <dl className="stats-list">
          <dt>Min close</dt>
          <dd className="numeric">{formatPrice(stats.minClose)}</dd>
          <dt>Max close</dt>
          <dd className="numeric">{formatPrice(stats.maxClose)}</dd>
        </dl>
      </div>
      <p className="stats-note">Intraday data is reduced to the last close of each UTC day before daily returns are computed.</p>

      <div className="stats-tables">
        <div>
          <h3 className="subsection-title">Largest gaps</h3>
          {stats.largestGaps.length === 0 ? (
            <p className="muted">No missing sessions.</p>
          ) : (
            <table className="data-table compact" data-testid="largest-gaps">
              <thead>
                <tr>
                  <th scope="col">From (UTC)</th>
                  <th scope="col">To (UTC)</th>
                  <th scope="col" className="numeric">
                    Sessions missing
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.largestGaps.map((gap) => (
                  <tr key={`${gap.from}-${gap.to}`}>
                    <td className="cell-date">{when(gap.from)}</td>
                    <td className="cell-date">{when(gap.to)}</td>
                    <td className="numeric">{formatInteger(gap.missing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h3 className="subsection-title">Largest moves</h3>
          {stats.largestMoves.length === 0 ? (
            <p className="muted">Too few bars for returns.</p>
          ) : (
            <table className="data-table compact" data-testid="largest-moves">
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col" className="numeric">
                    Return
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.largestMoves.map((move) => (
                  <tr key={move.time}>
                    <td className="cell-date">{when(move.time)}</td>
                    <td className={move.ret < 0 ? 'numeric negative' : 'numeric positive'}>{formatPercent(move.ret, 2, true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
