declare module '@stdlib/math-base-special-gammainc' {
  export default function gammainc(x: number, s: number, regularized?: boolean, upper?: boolean): number;
}
declare module '@stdlib/math-base-special-erfc' {
  export default function erfc(x: number): number;
}
declare module '@stdlib/stats-base-dists-normal-quantile' {
  export default function quantile(p: number, mu: number, sigma: number): number;
}
