// Any other page reached while a cell dialog is open closes the dialog.
export default function NoModal() {
  return null;
}
