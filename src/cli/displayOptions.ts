// Time-unit and figure-look flags shared by `survival` and `pancan` (added by modelOptions;
// the file copies, --png and --pdf, are figureOptions.ts).
import { Command, Option } from 'commander';
import type { FigureOptions } from '../pipeline/survivalTypes.js';
import { PALETTE_NAMES } from '../plots/palette.js';
import { TIME_UNITS, type TimeUnit } from '../plots/timeUnits.js';
import { numberIn } from './parsers.js';

const pixels = (flag: string) => {
  const parse = numberIn(flag, 99, 4001);
  return (v: string) => Math.round(parse(v));
};

export function addDisplayOptions(command: Command): Command {
  return command
    .addOption(new Option('--time-in <unit>', 'unit of the clinical table\'s survival times; statistics stay in it, figures and texts convert (a warning when the column name names another unit, or the longest follow-up is under 60 days or over 50 years)').choices([...TIME_UNITS]).default('days'))
    .addOption(new Option('--time-unit <unit>', 'unit shown in figures, report and stderr (default: the --time-in unit)').choices([...TIME_UNITS]))
    .addOption(new Option('--ci <mode>', 'Kaplan–Meier confidence bands: auto (for two groups, off beyond), on, off').choices(['auto', 'on', 'off']).default('auto'))
    .option('--max-time <t>', 'end the Kaplan–Meier time axis at t, in the --time-in unit (survminer xlim)', numberIn('--max-time', 0, Infinity))
    .option('--break-time <t>', 'time-axis tick step, in the --time-in unit (survminer break.time.by)', numberIn('--break-time', 0, Infinity))
    .option('--title <text>', 'Kaplan–Meier figure title ({cancer} and {endpoint} are filled in; default: what the figure shows)')
    .addOption(new Option('--palette <name>', 'group colours: default (Okabe–Ito, colour-blind safe) or ggsci journal palettes npg, aaas, nejm, lancet, jama, jco').choices([...PALETTE_NAMES]).default('default'))
    .option('--width <px>', 'Kaplan–Meier plot-area width in pixels (default 640; title, legend, axes and risk table come around it)', pixels('--width'))
    .option('--height <px>', 'Kaplan–Meier plot-area height in pixels (default 400)', pixels('--height'));
}

export function timeUnits(o: Record<string, any>): { timeIn: TimeUnit; timeUnit: TimeUnit } {
  const timeIn = o.timeIn as TimeUnit;
  return { timeIn, timeUnit: (o.timeUnit as TimeUnit | undefined) ?? timeIn };
}

export function displayOptions(o: Record<string, any>): FigureOptions {
  return {
    ci: o.ci,
    maxTime: o.maxTime,
    breakTime: o.breakTime,
    title: o.title,
    palette: o.palette,
    width: o.width,
    height: o.height,
  };
}
