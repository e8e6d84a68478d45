/**
 * One module's StrykerJS JSON report (mutation-testing-report-schema) reduced to the numbers the
 * bench report and the issue notes carry: killed, survived, timeout, no coverage and the score.
 * The score is Stryker's own: detected (killed + timeout) over valid (detected + survived + no
 * coverage); compile errors and ignored mutants are not valid mutants.
 */

/**
 * @param {{ files: Record<string, { mutants: { status: string }[] }> }} report
 * @returns {{ killed: number, survived: number, timeout: number, noCoverage: number, score: number | null }}
 */
export function scoreOf(report) {
  let killed = 0;
  let survived = 0;
  let timeout = 0;
  let noCoverage = 0;
  for (const file of Object.values(report.files))
    for (const { status } of file.mutants) {
      if (status === 'Killed') killed += 1;
      else if (status === 'Survived') survived += 1;
      else if (status === 'Timeout') timeout += 1;
      else if (status === 'NoCoverage') noCoverage += 1;
    }
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  const score = valid === 0 ? null : Math.round((1000 * detected) / valid) / 10;
  return { killed, survived, timeout, noCoverage, score };
}
