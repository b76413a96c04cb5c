import { meetingOps } from './meeting';
import { attendanceOps } from './attendance';
import { reviewOps } from './review';
import { assignmentOps } from './assignment';
import { budgetOps } from './budget';
import { actionOps } from './action';
import { mastersOps } from './masters';

// Every operation of running a rakor (and of editing the reference masters it uses), spread
// once into the contract.
export const rakorOps = {
  ...meetingOps,
  ...attendanceOps,
  ...reviewOps,
  ...assignmentOps,
  ...budgetOps,
  ...actionOps,
  ...mastersOps,
};
