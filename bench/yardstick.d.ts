/** Types of bench/yardstick.js (plain JavaScript so that it runs under bare `node`). */
export interface YardstickWorkload {
  callsPerDay: number;
  share999: number;
  handlers: number;
  handlingMinutes: number;
  /** 999, 101. */
  patienceMinutes: [number, number];
  /** Answer targets of 999 and 101. */
  targetSeconds: [number, number];
}

export interface YardstickChannel {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number;
  serviceLevel: number;
  probWait: number;
  meanWaitSeconds: number;
  meanAnswerSeconds: number;
}

export interface YardstickResult {
  days: number;
  offered: number;
  channels: { '999': YardstickChannel; '101': YardstickChannel };
}

export const YEAR_WORKLOAD: YardstickWorkload;

export function yardstick(options: { days: number; seed?: string; workload?: YardstickWorkload }): YardstickResult;
