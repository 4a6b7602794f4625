// The source contract against the Graph test server: contacts and calendars.
import { graphTarget } from './graph-target';
import { describeSourceContract } from './source-contract';

describeSourceContract('Microsoft Graph contacts', graphTarget('addressbook'));
describeSourceContract('Microsoft Graph calendars', graphTarget('calendar'));
