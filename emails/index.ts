// Every mail the platform sends, by name. Adding a template here is all it takes to send it.
import type { ComponentType } from "react";
import ApplicationDecision, * as applicationDecision from "./application-decision";
import ApplicationStage, * as applicationStage from "./application-stage";
import ApplicationSubmitted, * as applicationSubmitted from "./application-submitted";
import EventMessage, * as eventMessage from "./event-message";
import EventTicket, * as eventTicket from "./event-ticket";
import EventWaitlistOffer, * as eventWaitlistOffer from "./event-waitlist-offer";
import Invitation, * as invitation from "./invitation";
import MentoringSession, * as mentoringSession from "./mentoring-session";
import MentorMatched, * as mentorMatched from "./mentor-matched";
import MentorRequest, * as mentorRequest from "./mentor-request";
import MentorRequestUpdate, * as mentorRequestUpdate from "./mentor-request-update";
import OfferLapsed, * as offerLapsed from "./offer-lapsed";
import ReviewAssigned, * as reviewAssigned from "./review-assigned";
import ReviewReminder, * as reviewReminder from "./review-reminder";
import ResetPassword, * as resetPassword from "./reset-password";
import ReviewerInvitation, * as reviewerInvitation from "./reviewer-invitation";
import SignInUnlock, * as signInUnlock from "./sign-in-unlock";
import StartupInvitation, * as startupInvitation from "./startup-invitation";
import VerifyEmail, * as verifyEmail from "./verify-email";
import Welcome, * as welcome from "./welcome";
import OfficeHours, * as officeHours from "./office-hours";

type Template<P> = { component: ComponentType<P>; subject: (p: P) => string };
const define = <P>(component: ComponentType<P>, subject: (p: P) => string): Template<P> => ({ component, subject });

export const templates = {
  "verify-email": define(VerifyEmail, verifyEmail.subject),
  "reset-password": define(ResetPassword, resetPassword.subject),
  welcome: define(Welcome, welcome.subject),
  invitation: define(Invitation, invitation.subject),
  "review-assigned": define(ReviewAssigned, reviewAssigned.subject),
  "review-reminder": define(ReviewReminder, reviewReminder.subject),
  "reviewer-invitation": define(ReviewerInvitation, reviewerInvitation.subject),
  "application-stage": define(ApplicationStage, applicationStage.subject),
  "application-decision": define(ApplicationDecision, applicationDecision.subject),
  "application-submitted": define(ApplicationSubmitted, applicationSubmitted.subject),
  "offer-lapsed": define(OfferLapsed, offerLapsed.subject),
  "startup-invitation": define(StartupInvitation, startupInvitation.subject),
  "sign-in-unlock": define(SignInUnlock, signInUnlock.subject),
  "mentoring-session": define(MentoringSession, mentoringSession.subject),
  "mentor-matched": define(MentorMatched, mentorMatched.subject),
  "mentor-request": define(MentorRequest, mentorRequest.subject),
  "mentor-request-update": define(MentorRequestUpdate, mentorRequestUpdate.subject),
  "office-hours": define(OfficeHours, officeHours.subject),
  "event-ticket": define(EventTicket, eventTicket.subject),
  "event-waitlist-offer": define(EventWaitlistOffer, eventWaitlistOffer.subject),
  "event-message": define(EventMessage, eventMessage.subject),
};

export type TemplateName = keyof typeof templates;
export type TemplateProps<N extends TemplateName> = (typeof templates)[N] extends Template<infer P> ? P : never;
