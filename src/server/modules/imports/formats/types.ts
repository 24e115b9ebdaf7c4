/** One problem in an uploaded workbook or CSV file, located the way the user sees it. */
export interface RowError {
  /** Sheet name; `csv` for a CSV file. */
  sheet: string;
  /** Row number as Excel shows it (1 is the header row), the line number in a CSV; 0 for the whole sheet. */
  row: number;
  /** Header of the offending column; '' for the whole row or sheet. */
  column: string;
  /** Stable code the client translates, e.g. `cell.not_a_number` or a package code such as `code.duplicate`. */
  code: string;
  message: string;
}
