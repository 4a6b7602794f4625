// The OneDrive folder an account mirrors, as a person picks it and as the account remembers it
// (by item id, which survives renames and moves).

/** The special folders a person can pick (https://learn.microsoft.com/en-us/graph/api/drive-get-specialfolder). */
export type SpecialFolder = 'cameraroll' | 'photos';

export type DriveFolderChoice = { special: SpecialFolder } | { path: string };

export interface DriveFolder {
  /** The folder's item id: every mirrored file's parent chain leads to it. */
  id: string;
  /** What a person calls it: "Camera Roll", "Pictures", "Photos/2024". */
  name: string;
  /** `personal`: OneDrive (Outlook.com); `business`: OneDrive for work or school (SharePoint). */
  drive: 'personal' | 'business';
}
