// English support-mail phrases. {slots} are filled by the generator (see content.ts).

import type { LangPack } from './content'

export const EN: LangPack = {
  firstNames: [
    'James',
    'Emily',
    'Michael',
    'Sarah',
    'David',
    'Laura',
    'Daniel',
    'Olivia',
    'Robert',
    'Chloe',
    'Tom',
    'Hannah',
    'Peter',
    'Grace',
    'Mark',
    'Sophie',
  ],
  lastNames: [
    'Smith',
    'Johnson',
    'Brown',
    'Taylor',
    'Wilson',
    'Clarke',
    'Walker',
    'Wright',
    'Hughes',
    'Baker',
    'Turner',
    'Collins',
    "O'Neill",
    'Murphy',
  ],
  femaleLastNames: [],
  agents: ['Anna', 'Kate', 'Ben', 'Lucy', 'Chris'],
  clientGreetings: [
    'Hi,',
    'Hello,',
    'Hi there,',
    'Hello {company} team,',
    'Good morning,',
    'Dear Support,',
  ],
  ourGreetings: [
    'Hi {client},',
    'Hello {client},',
    'Dear {client},',
    'Hi {client}, thanks for reaching out.',
  ],
  clientClosings: [
    'Thanks in advance.',
    'Looking forward to your reply.',
    'Any help would be appreciated.',
    '',
  ],
  ourClosings: [
    'Let me know if you have any other questions.',
    'Hope this helps!',
    'Have a great day.',
    '',
  ],
  signOffs: ['Best regards,', 'Kind regards,', 'Thanks,', 'Cheers,', 'Regards,', 'Best,'],
  mobileFooters: ['Sent from my iPhone', 'Sent from my Galaxy', 'Get Outlook for Android'],
  addOns: [
    'Forgot to mention: this started after the last update on {date}.',
    'One more thing - my colleague {client2} has the same problem.',
    'Attaching a screenshot, sorry it did not go through in the first email.',
    'Also, please send the reply to this address, the old one is no longer monitored.',
  ],
  topics: [
    {
      subject: ['Cannot log in to my account', 'Login problem', 'Password reset link not working'],
      open: [
        [
          'I have been trying to log in to {product} since this morning but I keep getting "{error}".',
          'I already tried resetting my password twice, but the reset link says it has expired as soon as I open it.',
        ],
        [
          'The password reset email never arrives. I checked the spam folder and it is not there either.',
          'My username is the same as this email address.',
        ],
      ],
      reply: [
        [
          'Sorry for the trouble! Reset links are valid for 30 minutes and only the most recent one works, so an older email in your inbox will show as expired.',
          'I have just sent you a fresh link - please open it straight away and let me know if it still fails.',
        ],
        [
          'I checked your account and it was temporarily locked after several failed attempts. I have unlocked it now.',
          'You should be able to log in with your current password. If you are not sure about it, use the "Forgot password" link on the sign-in page.',
        ],
      ],
      followUp: [
        ['Still the same error, unfortunately. I tried in Chrome and in Firefox.'],
        ['The new link worked, but now it asks me for a two-factor code and I changed my phone.'],
      ],
      answer2: [
        [
          'Thanks for checking. I have reset the two-factor settings on your account, so the next login will ask you to set it up again on your new phone.',
        ],
        [
          'Could you clear the browser cache or try a private window? We have seen this error when an old session cookie is still around.',
        ],
      ],
      thanks: [
        'That worked, thank you!',
        'All good now, thanks a lot.',
        'Perfect, I am in. Thanks!',
      ],
    },
    {
      subject: [
        'Refund for order {order}',
        'Request for refund',
        'Charged twice for order {order}',
      ],
      open: [
        [
          'I was charged twice for order {order} ({amount}). Please refund the duplicate payment.',
          'The two charges appear on my card statement on {date}.',
        ],
        [
          'I would like to return order {order}. The item arrived damaged and I do not want a replacement.',
          'How do I get my money back?',
        ],
      ],
      reply: [
        [
          'Thank you for letting us know. I can confirm the second charge of {amount} was a duplicate, and I have issued a refund today.',
          'Depending on your bank it can take 5-10 business days to appear on your statement.',
        ],
        [
          'I am sorry the item arrived damaged. I have created return label {ticket} for you; please print it and drop the parcel at any post office.',
          'As soon as the parcel is scanned we will refund {amount} to your original payment method.',
        ],
      ],
      followUp: [
        ['It has been two weeks and I still do not see the refund.'],
        ['Do I need to include the original packaging?'],
      ],
      answer2: [
        [
          'I checked with our payments team: the refund was sent on {date}, reference {ticket}. Your bank should be able to trace it with this reference.',
        ],
        ['No, any sturdy box is fine. Just make sure the label is clearly visible.'],
      ],
      thanks: [
        'Got it, thanks.',
        'Refund received, thank you for your help!',
        'Thanks for the quick response.',
      ],
    },
    {
      subject: ['Invoice for {month}', 'VAT invoice needed', 'Company details on invoice'],
      open: [
        [
          'Could you please send me the invoice for our {plan} subscription for {month}? Our accounting department needs it with our VAT number.',
          'Company: {clientCompany}, VAT: GB{vat}.',
        ],
        [
          'The invoice we received has the wrong company address. Can you reissue it?',
          'The correct address is 14 Market Street, Leeds LS1 6DT.',
        ],
      ],
      reply: [
        [
          'Of course! I have attached the invoice for {month} with your VAT number added.',
          'You can also download all invoices from Settings > Billing in your account.',
        ],
        [
          'I have updated the billing address and reissued invoice {ticket}. The new PDF is attached.',
        ],
      ],
      followUp: [
        ['Thanks. Can you also add our PO number 4500{vat} to it?'],
        ['Could you send the invoices for the previous three months as well?'],
      ],
      answer2: [
        ['Done - the updated invoice with the PO number is attached.'],
        ['Sure, all three invoices are attached to this email.'],
      ],
      thanks: ['Thank you, that is exactly what we needed.', 'Received, thanks!'],
    },
    {
      subject: ['Upgrade to {plan}', 'Question about plans', 'Downgrading our subscription'],
      open: [
        [
          'We are considering upgrading from Basic to {plan}. If we upgrade in the middle of the billing period, is the price prorated?',
          'We have {qty} users at the moment.',
        ],
        ['We would like to downgrade to the Starter plan from next month. Will we lose any data?'],
      ],
      reply: [
        [
          'Yes, upgrades are prorated: you only pay the difference for the remaining days of the current period.',
          'For {qty} users on {plan} the monthly price would be {amount}.',
        ],
        [
          'You will not lose any data, but features that are not part of Starter (such as the reporting module) become read-only.',
          'The change will take effect on your next renewal date.',
        ],
      ],
      followUp: [
        ['Is there a discount for annual billing?'],
        ['Can we switch back later if we need to?'],
      ],
      answer2: [
        ['Annual billing gives you two months free, which is about 16% off the monthly price.'],
        ['Yes, you can upgrade again at any time and everything becomes editable immediately.'],
      ],
      thanks: ['Great, we will go ahead then. Thanks!', 'Thanks for clarifying.'],
    },
    {
      subject: ['Where is my order {order}?', 'Delivery delay', 'Tracking number not working'],
      open: [
        [
          'My order {order} was supposed to arrive on {date} but I have not received anything yet.',
          'The tracking page has not been updated for four days.',
        ],
        [
          'The tracking number you sent me does not work on the courier website. It says "{error}".',
        ],
      ],
      reply: [
        [
          'I am sorry about the delay. I contacted the courier and they confirmed the parcel is at their local depot; it should be delivered within two working days.',
          'Here is the updated tracking link: https://track.example.com/{ticket}',
        ],
        [
          'It looks like the courier changed the tracking number after a re-route. The new one is {ticket}.',
        ],
      ],
      followUp: [
        ['Still nothing today. Can you send a replacement instead?'],
        ['The new tracking number works, thank you. It says delivery tomorrow.'],
      ],
      answer2: [
        [
          'I have dispatched a replacement by express delivery; you will receive a separate tracking email. If the original parcel arrives, simply refuse it.',
        ],
        ['Great, glad it is on its way!'],
      ],
      thanks: ['Received it today. Thanks for your help!', 'Thank you!'],
    },
    {
      subject: ['Export to CSV fails', 'Error when exporting reports', 'Bug: {error}'],
      open: [
        [
          'When I try to export the monthly report to CSV, I get the error "{error}" and the file is empty.',
          'It worked fine last week. We are using {product} in Chrome on Windows 11.',
        ],
        [
          'The exported CSV file has broken characters instead of Cyrillic names. Excel shows them as question marks.',
        ],
      ],
      reply: [
        [
          'Thank you for the detailed report. This is a known issue with reports over 50,000 rows, and our developers are working on a fix.',
          'In the meantime you can export by date range: split the month into two halves and export each one separately.',
        ],
        [
          'The file is UTF-8 encoded, and Excel sometimes opens it with the wrong encoding. Please use Data > From Text/CSV in Excel and pick "65001: Unicode (UTF-8)".',
        ],
      ],
      followUp: [
        ['Splitting by date worked, but that is a lot of extra work. When will it be fixed?'],
        [
          'That fixed the characters, thank you. Could the export include a BOM so Excel detects it automatically?',
        ],
      ],
      answer2: [
        [
          'The fix is scheduled for the release on {date}. I will let you know as soon as it is out.',
        ],
        ['Good idea - I have passed it to the product team as feature request {ticket}.'],
      ],
      thanks: ['Thanks, appreciated.', 'Great, thanks for the update.'],
    },
    {
      subject: ['API rate limit', 'Integration question', 'Webhook not firing'],
      open: [
        [
          'Our integration started receiving HTTP 429 responses from your API today. We send about {qty} requests per minute.',
          'What is the current limit?',
        ],
        [
          'Webhooks for new orders stopped arriving at our endpoint yesterday. Nothing changed on our side.',
        ],
      ],
      reply: [
        [
          'The limit on your plan is 600 requests per minute per API key. Bursts above that get a 429 with a Retry-After header.',
          'If you need more, we can raise the limit for {plan} customers.',
        ],
        [
          'I checked the delivery log: your endpoint returned "{error}" for all attempts since {date}, so the webhook was paused automatically.',
          'Once the endpoint is fixed, you can re-enable it from the Integrations page.',
        ],
      ],
      followUp: [
        ['Could you raise it to 1200 for our key ending in {vat}?'],
        ['Fixed and re-enabled. Will the missed events be re-sent?'],
      ],
      answer2: [
        ['Done, the new limit is active now.'],
        ['Yes, events from the last 72 hours are replayed automatically after re-enabling.'],
      ],
      thanks: ['Works now. Thanks!', 'Thanks for the quick fix.'],
    },
    {
      subject: ['Delete my account', 'GDPR data request', 'Close account'],
      open: [
        ['Please delete my account and all personal data you have about me, as per GDPR.'],
        ['I would like to get a copy of all personal data you hold about me.'],
      ],
      reply: [
        [
          'We have received your request. Your account and personal data will be permanently deleted within 30 days, and you will get a confirmation email.',
          'Please note that invoices must be kept for legal reasons for 6 years.',
        ],
        [
          'You can download an archive of your data from Settings > Privacy > Export data. The archive is prepared within 24 hours.',
        ],
      ],
      followUp: [['Can you confirm that my card details are deleted too?']],
      answer2: [
        ['Yes - we never store full card numbers; the payment token has been removed as well.'],
      ],
      thanks: ['Thank you.', 'Thanks for confirming.'],
    },
    {
      subject: ['Payment declined', 'Card payment failed', 'Cannot renew subscription'],
      open: [
        [
          'My card was declined when renewing the subscription, but the bank says there is no problem on their side.',
          'The error message was "{error}".',
        ],
        ['Can we pay by bank transfer instead of card?'],
      ],
      reply: [
        [
          'This error usually means the bank requires 3-D Secure confirmation. Please try again and watch for the confirmation prompt from your bank app.',
        ],
        [
          'Yes, bank transfer is available for annual plans. I have attached a pro-forma invoice for {amount}.',
        ],
      ],
      followUp: [['Tried again and got the same error.']],
      answer2: [
        [
          'I have extended your subscription by 7 days so nothing is interrupted while we look into it with our payment provider.',
        ],
      ],
      thanks: ['Thank you, that is very helpful.', 'Payment went through this time. Thanks!'],
    },
    {
      subject: ['How to add users?', 'Adding team members', 'User permissions'],
      open: [
        ['How do I add more users to our account? I cannot find the option anywhere.'],
        [
          'Is it possible to give a user access only to reports, without the ability to edit settings?',
        ],
      ],
      reply: [
        [
          'Go to Settings > Team and click "Invite user". Only account owners and admins can see this page.',
          'Your plan includes {qty} seats.',
        ],
        [
          'Yes, there is a "Viewer" role that can see reports but cannot change anything. You can set it when inviting the user or later on the Team page.',
        ],
      ],
      followUp: [['I am an admin but I still do not see the Team page.']],
      answer2: [
        [
          'It looks like your role is "Manager", not "Admin". I have asked the account owner to update it; you should see the page after logging in again.',
        ],
      ],
      thanks: ['Found it, thanks!', 'Thanks, all sorted.'],
    },
  ],
  outreach: [
    [
      'Following up on our call today - as promised, here is the summary of the changes to your {plan} subscription.',
      'The new price of {amount} applies from {date}.',
    ],
    [
      'We noticed that the payment for invoice {ticket} is overdue. Could you please check with your accounts team?',
    ],
    [
      'Your ticket {ticket} was closed automatically after 14 days without activity. If the problem is still there, just reply to this email.',
    ],
  ],
  autoReply: [
    [
      'Thank you for your email. I am out of the office until {date} with limited access to email.',
      'For urgent matters please contact {client2} at office@{clientDomain}.',
    ],
    [
      'This is an automatic reply: your message has been received and will be processed within 2 business days.',
    ],
  ],
  newsletter: [
    [
      '{vendor} Product Update - {month}',
      'New this month: faster dashboards, a dark mode and 12 bug fixes.',
      'Read the full release notes on our blog.',
    ],
    [
      'Your weekly digest from {vendor}',
      'Top stories this week: how to reduce support response times, and 5 templates that save time.',
    ],
  ],
  spam: [
    [
      'Congratulations! Your mailbox has been selected for a $1,000 reward.',
      'Click the link below to claim it within 24 hours.',
    ],
  ],
  draftNote: ['I am checking this with the team and will get back to you'],
}
