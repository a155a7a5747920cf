/** The discrete-event engine: nothing here knows about police, calls or the DOM. */
export { EventCalendar } from './calendar.ts';
export { RandomStreams, createStream, streamSeed, type Random } from './random.ts';
export { hashString, keyedRandom, type KeyedRandom } from './keyed-random.ts';
export { sampler, discrete, distProblems, meanOf, DIST_NAMES, type DistSpec, type Sampler } from './distributions.ts';
export { PiecewiseArrivals } from './arrivals.ts';
export { exp, log } from './math.ts';
export { SlotPool, type Column, type ColumnTypes } from './slot-pool.ts';
export { RingQueue } from './ring-queue.ts';
