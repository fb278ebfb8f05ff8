/**
 * Hand-made tables in cell output (`html\`<table>…\``) get the house table style from app.css; this marks
 * their numeric columns so the style can right-align them, as figures are read (units under units).
 */

/** A figure with an optional unit ("12,443,648", "97.3 %", "4.12×", "1.89 ms"), or several joined by "/". */
const figure = String.raw`[-−+]?(\d[\d,]*(\.\d+)?|\.\d+)(e[-+]?\d+)?\s?(%|×|ms|s|k|M)?`;
const numeric = new RegExp(`^${figure}(\\s*/\\s*${figure})*$`, 'i');
/** What a table shows for a figure not known yet. */
const placeholder = /^[–—…-]?$/;

/** Whether a table cell's text reads as a figure. */
export function isFigure(text: string): boolean {
  return numeric.test(text.trim());
}

/**
 * Marks, in every table under `root` (outside the toolkit's own diagrams, which style themselves), each cell
 * of a column whose body cells are all figures (or placeholders) with the class `nb-num`, its header included.
 */
export function alignNumbers(root: Element | DocumentFragment): void {
  const tables =
    root instanceof Element && root.matches('table') ? [root] : [...root.querySelectorAll('table')];
  for (const table of tables) {
    if (table.closest('.nb-diagram')) continue;
    const grid = cellGrid(table as HTMLTableElement);
    const columns = Math.max(0, ...grid.map((row) => row.cells.length));
    for (let c = 0; c < columns; c++) {
      const body = grid.filter((row) => !row.head).map((row) => row.cells[c]);
      const texts = body.filter((cell) => cell?.tagName === 'TD').map((cell) => cell!.textContent!.trim());
      const figures = texts.filter(isFigure).length;
      if (figures === 0 || texts.some((t) => !isFigure(t) && !placeholder.test(t))) continue;
      for (const row of grid) {
        const cell = row.cells[c];
        // A header spanning several columns stays centred over them.
        if (cell && cell.colSpan === 1) cell.classList.add('nb-num');
      }
    }
  }
}

/** The table's rows with each cell at every column it covers (rowspan and colspan expanded). */
function cellGrid(table: HTMLTableElement): { head: boolean; cells: (HTMLTableCellElement | undefined)[] }[] {
  const rows = [...table.rows];
  const grid = rows.map((row) => ({
    head: row.parentElement?.tagName === 'THEAD',
    cells: [] as (HTMLTableCellElement | undefined)[]
  }));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r].cells[c]) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr].cells[c + dc] = cell;
      }
      c += cell.colSpan;
    }
  });
  return grid;
}
