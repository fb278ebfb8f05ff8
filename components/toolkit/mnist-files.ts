/**
 * `mnistFiles()`: a file picker for the official MNIST files (train-images-idx3-ubyte.gz and its three
 * siblings, as downloaded). A view: its value is null until all four are chosen, then {train, test} with
 * all 70,000 digits (60,000 / 10,000), normalised like the site's own 10,000. Decoding happens in the
 * page; nothing is uploaded anywhere.
 */
import { decodeOfficialMnist, type OfficialMnistFiles } from '../../src/lib/data/idx';

/** Which of the four files a file name is, e.g. "t10k-labels-idx1-ubyte.gz" → testLabels. */
export function roleOf(name: string): keyof OfficialMnistFiles | null {
  const base = name.toLowerCase();
  const set = base.startsWith('train') ? 'train' : base.startsWith('t10k') ? 'test' : null;
  const kind = base.includes('images') ? 'Images' : base.includes('labels') ? 'Labels' : null;
  return set && kind ? (`${set}${kind}` as keyof OfficialMnistFiles) : null;
}

/** The file's bytes, gunzipped when it starts with gzip's magic number. */
async function bytesOf(file: Blob): Promise<Uint8Array> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function mnistFiles(): HTMLElement & { value: unknown } {
  const root = document.createElement('div') as HTMLDivElement & { value: unknown };
  root.className = 'nb-mnist-files';
  root.value = null;
  const label = document.createElement('label');
  label.textContent = 'Official MNIST files (all four .gz): ';
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.multiple = true;
  picker.accept = '.gz,application/gzip,application/octet-stream';
  label.append(picker);
  const status = document.createElement('p');
  status.className = 'nb-note';
  status.setAttribute('role', 'status');
  status.textContent = 'None chosen: the notebook uses the 10,000 digits that come with the site.';
  root.append(label, status);

  picker.addEventListener('input', async (event) => {
    event.stopPropagation(); // only our own input event below, with the decoded value, reaches view()
    const files: Partial<Record<keyof OfficialMnistFiles, Blob>> = {};
    for (const file of picker.files ?? []) {
      const role = roleOf(file.name);
      if (role) files[role] = file;
    }
    const missing = (['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const).filter(
      (r) => !files[r]
    );
    if (missing.length) {
      status.textContent = `Still needed: ${missing.join(', ')} (names like train-images-idx3-ubyte.gz).`;
      return;
    }
    try {
      const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
        [files.trainImages!, files.trainLabels!, files.testImages!, files.testLabels!].map(bytesOf)
      );
      const data = decodeOfficialMnist({ trainImages, trainLabels, testImages, testLabels });
      root.value = data;
      status.textContent = `Using the official MNIST: ${data.train.count.toLocaleString('en-US')} training and ${data.test.count.toLocaleString('en-US')} test digits.`;
      root.dispatchEvent(new Event('input', { bubbles: true }));
    } catch (error) {
      status.textContent = `These files could not be read: ${(error as Error).message}`;
    }
  });
  return root;
}
