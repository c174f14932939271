// Filter: agreed to be contacted by recruiters when $consentToContact is true, did not when false.
coalesce(p.consentToContact, false) = $consentToContact
