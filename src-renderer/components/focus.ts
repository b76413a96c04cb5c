// Where focus goes after an action that replaces what was focused (a created meeting, a copy, a
// removed row): never left on the page body, never under a sticky bar.

let arrival = false;

/** The next screen to mount takes focus on its heading (after "Buat rapat", "Duplikat"). */
export function requestArrivalFocus(): void {
  arrival = true;
}

/** True once after requestArrivalFocus(): the screen asking should focus its heading. */
export function takeArrivalFocus(): boolean {
  const wanted = arrival;
  arrival = false;
  return wanted;
}

/** Focuses an element and scrolls it to the middle of the view, clear of any sticky bar. */
export function focusVisibly(el: HTMLElement | null | undefined): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
}

let checkIn: number | null = null;

/** "Hadir →" on an invited agency: the daftar hadir opens with a new row of that agency, name focused. */
export function requestCheckIn(agencyId: number): void {
  checkIn = agencyId;
}

/** The agency to check in, without taking it (a state initialiser must stay pure). */
export function peekCheckIn(): number | null {
  return checkIn;
}

/** The agency to check in, once. */
export function takeCheckIn(): number | null {
  const id = checkIn;
  checkIn = null;
  return id;
}
