// Lists as a machine set to US dates writes them: every dd/mm/yyyy cell as mm/dd/yyyy.
export function monthFirst(text: string): string {
  return text.replace(/(^|[\t,])(\d{2})\/(\d{2})\/(\d{4})(?=[\t,\r\n]|$)/gm, '$1$3/$2/$4');
}
