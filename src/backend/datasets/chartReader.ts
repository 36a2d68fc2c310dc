// Runs inside the dataset worker: decimates a stored dataset for a chart, so a 10-million-bar series never
// touches the UI thread or the main process.
import { decimateForChart } from '../../core';
import type { ChartRequest, ChartSeries } from '../../shared';
import { DatasetReader } from './datasetReader';

export class ChartReader {
  private readonly reader: DatasetReader;

  constructor(dbPath: string) {
    this.reader = new DatasetReader(dbPath, 1);
  }

  chart(request: ChartRequest): ChartSeries {
    const { series } = this.reader.load(request.id);
    return decimateForChart(series, { from: request.from, to: request.to, maxPoints: request.maxPoints });
  }

  close(): void {
    this.reader.close();
  }
}
