import { describe, expect, it } from 'vitest';
import { parseCsvBars } from '../../../../src/core/data/index';
import { Rng } from '../../../../src/core/random/index';
import { encode } from './csvTestSupport';

function parseTimes(header: string, times: string[]): number[] {
  const text = `${header},close\n${times.map((t) => `${t},1`).join('\n')}\n`;
  return Array.from(parseCsvBars(encode(text), { fileName: 't.csv' }).series.time);
}

describe('timestamp parsing', () => {
  it('agrees with Date.parse on 20 000 random ISO dates across four centuries', () => {
    const rng = new Rng(3);
    let day = Date.UTC(1850, 0, 1);
    const dates: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      day += 86_400_000 * (1 + rng.nextInt(10));
      dates.push(new Date(day).toISOString().slice(0, 10));
    }
    expect(parseTimes('date', dates)).toEqual(dates.map((d) => Date.parse(d)));
  });

  it('agrees with Date.parse on random ISO date-times with offsets', () => {
    const rng = new Rng(4);
    let t = Date.UTC(1990, 0, 1);
    const texts: string[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 5000; i++) {
      t += 1000 * (1 + rng.nextInt(200_000));
      const offsetMinutes = (rng.nextInt(2) ? 1 : -1) * rng.nextInt(14 * 4) * 15;
      const local = new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 19);
      const sign = offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(offsetMinutes);
      const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      texts.push(`${local}${zone}`);
      expected.push(t);
    }
    expect(parseTimes('datetime', texts)).toEqual(expected);
    expect(texts.map((x) => Date.parse(x))).toEqual(expected);
  });

  it('reads epoch seconds below 1e11 and epoch milliseconds from 1e11 on', () => {
    expect(parseTimes('time', ['99999999999'])).toEqual([99999999999000]);
    expect(parseTimes('time', ['100000000000'])).toEqual([100000000000]);
    expect(parseTimes('time', ['946684800'])).toEqual([Date.UTC(2000, 0, 1)]);
  });
});
