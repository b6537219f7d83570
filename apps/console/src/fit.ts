/**
 * Makes a box's content fit the box, measured in the browser (never guessed from character
 * counts): the largest font size between `min` and `max` at which nothing overflows, found by
 * bisection against the box's scroll size. Past the minimum, texts marked `data-clamp` are cut
 * to as many lines as fit (with an ellipsis, by CSS line-clamp; headings may take `--extra`
 * lines more), and then items marked
 * `data-fit-item` are left off from the end, counted in the `data-fit-more` element.
 * Whatever is cut stays whole for assistive technology: the markup keeps the full text.
 */
export interface FitOptions {
  min: number;
  max: number;
  /** The text of the `data-fit-more` element when `count` items were left off. */
  more?: (count: number) => string;
}

const steps = 10;
const maxLines = 40;

export function fit(box: HTMLElement, { min, max, more = (n) => `+ ${n}` }: FitOptions): void {
  const fits = () => box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
  const items = [...box.querySelectorAll<HTMLElement>('[data-fit-item]')];
  box.classList.remove('clamped');
  box.style.removeProperty('--lines');
  box.style.removeProperty('--extra');
  const note = box.querySelector<HTMLElement>('[data-fit-more]');
  const cut = (count: number) => {
    items.forEach((item, i) => item.classList.toggle('cut', i >= items.length - count));
    if (note) {
      note.textContent = count ? more(count) : '';
      note.hidden = count === 0;
    }
  };
  cut(0);

  box.style.fontSize = `${max}px`;
  if (fits()) return;
  box.style.fontSize = `${min}px`;
  if (fits()) {
    let [low, high] = [min, max];
    for (let i = 0; i < steps && high - low > 0.5; i++) {
      const size = (low + high) / 2;
      box.style.fontSize = `${size}px`;
      if (fits()) low = size;
      else high = size;
    }
    box.style.fontSize = `${low}px`;
    return;
  }
  // As many lines as fit, so a long text fills the screen before it is cut.
  box.classList.add('clamped');
  const clamp = (lines: number) => box.style.setProperty('--lines', String(lines));
  let [lines, tooMany] = [0, maxLines + 1];
  while (tooMany - lines > 1) {
    const count = Math.floor((lines + tooMany) / 2);
    clamp(count);
    if (fits()) lines = count;
    else tooMany = count;
  }
  clamp(Math.max(1, lines));
  if (lines > 0) {
    // Headings (the poll's question) take what room is left before everything else.
    let extra = 0;
    while (extra < maxLines) {
      box.style.setProperty('--extra', String(extra + 1));
      if (!fits()) break;
      extra += 1;
    }
    box.style.setProperty('--extra', String(extra));
    return;
  }
  // Still too much: leave items off the end, as few as possible.
  let [keep, tooManyItems] = [0, items.length];
  while (tooManyItems - keep > 1) {
    const count = Math.floor((keep + tooManyItems) / 2);
    cut(items.length - count);
    if (fits()) keep = count;
    else tooManyItems = count;
  }
  cut(items.length - keep);
}
