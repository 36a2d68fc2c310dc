// Study management in the UI: rename, tags, notes (study and trial), delete, continue tuning, trials export, the
// studies list's tag filter and compare selection, the compare page, and the backup/restore page.
import './studyManagement.css';

export { StudyNameEditor } from './StudyNameEditor';
export { StudyNotesPanel } from './StudyNotesPanel';
export { StudyManagementActions } from './StudyManagementActions';
export { TrialNotesEditor } from './TrialNotesEditor';
export { StudyListToolbar, StudyTagChips, CompareCheckbox, CompareHeaderCell } from './StudyListToolbar';
export { useStudyListManagement } from './useStudyListManagement';
export { CompareStudiesPage } from './CompareStudiesPage';
export { BackupPage } from './BackupPage';
