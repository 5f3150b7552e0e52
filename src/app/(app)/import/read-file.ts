/** The file's bytes as base64, the form the import procedures take over JSON. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export const MAX_FILE_MB = 10;
export const ACCEPTED = ".csv,.txt,.ofx,.qfx,.qif";
