// Small metrics the benchmark scripts share (they score saved predictions without loading specml's own metric code).

/** ROC AUC by the Mann-Whitney U statistic with average ranks for ties; `y` 0/1, `s` scores. */
export function rocAuc(y, s) {
  const idx = Array.from(s, (_, i) => i).sort((a, b) => s[a] - s[b]);
  let rankPos = 0;
  let nPos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && s[idx[j + 1]] === s[idx[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (y[idx[k]]) {
        rankPos += rank;
        nPos++;
      }
    }
    i = j + 1;
  }
  return (rankPos - (nPos * (nPos + 1)) / 2) / (nPos * (y.length - nPos));
}
