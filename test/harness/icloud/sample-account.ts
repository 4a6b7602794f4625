// A seeded account for the iCloud reproduction: contacts, a calendar with events, and photos with
// real bytes (sample-photos.ts), among them an edited photo, a Live Photo and a video, so each
// kind of record the service returns is present. Deterministic: the same counts give the same
// names and bytes.
import { makeJpeg, makeMp4 } from '../sample-photos';
import type { IcloudWebServer } from './icloud-web-server';
import type { LibraryPhoto } from './photo-library';

export interface SampleCounts {
  contacts?: number;
  events?: number;
  photos?: number;
}

export const SAMPLE_CALENDAR = 'home-calendar';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function seedSampleAccount(icloud: IcloudWebServer, counts: SampleCounts = {}): LibraryPhoto[] {
  const { contacts = 5, events = 5, photos = 6 } = counts;
  for (let i = 1; i <= contacts; i++) {
    icloud.contacts.putContact({
      contactId: `C0A1-${pad(i, 6)}`,
      firstName: `Ada${i}`,
      lastName: `Lovelace${i}`,
      companyName: i % 3 === 0 ? 'Analytical Engines' : undefined,
      phones: [{ field: `+1 555 01${pad(i % 100)}`, label: 'MOBILE' }],
      emails: [{ field: `ada${i}@example.org`, label: 'HOME' }],
      birthday: i % 2 === 0 ? `1990-${pad((i % 12) + 1)}-10` : undefined,
      isCompany: false,
    });
  }
  icloud.calendar.putCalendar({ guid: SAMPLE_CALENDAR, title: 'Home' });
  for (let i = 1; i <= events; i++) {
    const day = `2024-03-${pad((i % 28) + 1)}`;
    icloud.calendar.putEvent({ guid: `EV-${pad(i, 6)}`, pGuid: SAMPLE_CALENDAR, title: `Meeting ${i}`, start: `${day}T09:30`, end: `${day}T10:15`, tz: 'Europe/Paris', location: 'Room 1' });
  }
  const seeded: LibraryPhoto[] = [];
  for (let i = 1; i <= photos; i++) {
    const takenAt = Date.UTC(2023, 0, 1) + i * 3_600_000;
    const stamp = new Date(takenAt).toISOString().replace(/-/g, ':').replace('T', ' ').slice(0, 19);
    if (i % 6 === 5) {
      seeded.push(icloud.photos.put({ filename: `IMG_${pad(i, 4)}.MOV`, bytes: makeMp4(6000, i), fileType: 'com.apple.quicktime-movie', takenAt }));
      continue;
    }
    const bytes = makeJpeg({ takenAt: stamp, seed: i, padding: 2000 + i });
    seeded.push(icloud.photos.put({
      filename: `IMG_${pad(i, 4)}.JPG`,
      bytes,
      takenAt,
      edited: i % 4 === 2 ? makeJpeg({ takenAt: stamp, seed: i + 1000, padding: 1500 }) : undefined,
      liveVideo: i % 6 === 3 ? makeMp4(5000, i) : undefined,
    }));
  }
  return seeded;
}
