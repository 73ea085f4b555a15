// RFC 4180 CSV as spreadsheets and vendor portals write it: fields separated by commas,
// quoted with '"' when they hold a comma, a quote ('""') or a line break; lines ended by
// CRLF or LF. Pure. (No CSV library is a dependency of the platform; exceljs reads .xlsx.)

/** The records of `text`, each a list of fields; a blank line is an empty record ([]). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record.length === 1 && record[0] === '' && !fieldStarted ? [] : record);
      record = [];
      field = '';
      fieldStarted = false;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== '' || record.length > 0 || fieldStarted) {
    record.push(field);
    records.push(record);
  }
  return records;
}
