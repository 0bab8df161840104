/** Dates as whole days, for comparing and stepping them without a Date object per figure. */

/** Days since 1970-01-01 for a YYYY, YYYY-MM or YYYY-MM-DD date (a partial date counts from its first day). */
export function toDay(date: string): number {
  const [year, month = '01', day = '01'] = date.split('-')
  return Math.floor(Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000)
}

export function fromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}
