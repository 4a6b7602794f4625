// The source contract against the reproduction of icloud.com's web services: the address book
// and a calendar through the icloud.com session.
import { icloudTarget } from './icloud-target';
import { describeSourceContract } from './source-contract';

describeSourceContract('iCloud contacts through icloud.com', icloudTarget('addressbook'));
describeSourceContract('iCloud calendars through icloud.com', icloudTarget('calendar'));
